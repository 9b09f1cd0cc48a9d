//! Chinese and Arabic numerals to numbers.
//!
//! Reports write the same figure as `23`, `２３`, `二十三`, `廿三` is rare; `两百余`,
//! `一百零五`, `3.5万`, `1,100`, `百分之九十五`, `三分之二`, `九成`. Heading markers count in
//! Chinese numerals too (`十二、`). These helpers turn one numeral string into a value; the
//! metrics stage decides which strings are quantities.

/// The value of one Chinese digit character (`两` = 2, `〇`/`零` = 0).
pub fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '贰' | '俩' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn cn_small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || matches!(c, '万' | '亿')
}

/// Parses a Chinese integer numeral: `二十三` → 23, `一百零五` → 105, `十` → 10,
/// `两千` → 2000, `三万五千` → 35000, `一二三` (digit by digit) → 123.
pub fn parse_cn_int(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    // Digit-by-digit form (一二三, 二〇一八) has no unit characters.
    if chars.len() > 1 && chars.iter().all(|&c| cn_digit(c).is_some()) {
        return chars.iter().try_fold(0u64, |acc, &c| {
            acc.checked_mul(10)?.checked_add(cn_digit(c)?)
        });
    }
    let mut total: u64 = 0; // completed 亿 groups and 万 groups
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    for &c in &chars {
        if let Some(d) = cn_digit(c) {
            digit = Some(d);
        } else if let Some(u) = cn_small_unit(c) {
            section = section.checked_add(digit.unwrap_or(1).checked_mul(u)?)?;
            digit = None;
        } else if c == '万' || c == '亿' {
            let unit = if c == '万' { 10_000 } else { 100_000_000 };
            let group = section.checked_add(digit.unwrap_or(0))?;
            let group = if group == 0 && total == 0 { 1 } else { group };
            if c == '亿' {
                total = total.checked_add(group)?.checked_mul(unit)?;
            } else {
                total = total.checked_add(group.checked_mul(unit)?)?;
            }
            section = 0;
            digit = None;
        } else {
            return None;
        }
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// Parses an Arabic number with optional thousands separators and decimals:
/// `1,100` → 1100, `12.5` → 12.5. Full-width digits must be folded before.
pub fn parse_arabic(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|&c| c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().next()?.is_ascii_digit() {
        return None;
    }
    cleaned.parse::<f64>().ok()
}

/// Parses an Arabic decimal multiplied by `10^shift` exactly, by moving the decimal point
/// in the digits (`4.06` × 10^12 is 4060000000000, not 4059999999999.9995).
pub fn parse_arabic_scaled(s: &str, shift: u32) -> Option<f64> {
    let cleaned: String = s.chars().filter(|&c| c != ',').collect();
    let (int, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let shift = shift as usize;
    let mut digits = String::from(int);
    if frac.len() <= shift {
        digits.push_str(frac);
        digits.extend(std::iter::repeat_n('0', shift - frac.len()));
        digits.parse::<f64>().ok()
    } else {
        digits.push_str(&frac[..shift]);
        digits.push('.');
        digits.push_str(&frac[shift..]);
        digits.parse::<f64>().ok()
    }
}

/// Parses a number written in Arabic digits, Chinese numerals, or a mix with a Chinese
/// scale (`3.5万` → 35000, `1.2亿` → 120000000, `二十三` → 23).
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len());
    if split == 0 {
        return parse_cn_int(s).map(|v| v as f64);
    }
    let mut shift = 0;
    for c in s[split..].chars() {
        shift += match c {
            '十' => 1,
            '百' => 2,
            '千' => 3,
            '万' => 4,
            '亿' => 8,
            _ => return None,
        };
    }
    parse_arabic_scaled(&s[..split], shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_integers() {
        for (s, v) in [
            ("二十三", 23),
            ("一百零五", 105),
            ("十", 10),
            ("十二", 12),
            ("两千", 2000),
            ("三万五千", 35000),
            ("二〇一八", 2018),
            ("一亿二千万", 120_000_000),
            ("零", 0),
            ("两", 2),
        ] {
            assert_eq!(parse_cn_int(s), Some(v), "{s}");
        }
        assert_eq!(parse_cn_int("十三五规划"), None);
    }

    #[test]
    fn mixed_numbers() {
        assert_eq!(parse_number("3.5万"), Some(35000.0));
        assert_eq!(parse_number("1,100"), Some(1100.0));
        assert_eq!(parse_number("1.2亿"), Some(120_000_000.0));
        assert_eq!(parse_number("二十三"), Some(23.0));
        assert_eq!(parse_number("4.06万亿"), Some(4_060_000_000_000.0));
        assert_eq!(parse_arabic_scaled("0.35", 4), Some(3500.0));
        assert_eq!(parse_arabic_scaled("1.23456", 4), Some(12345.6));
    }
}
