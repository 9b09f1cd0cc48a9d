//! Chinese and Arabic numerals to numbers: one reader for the whole crate.
//!
//! Reports write the same figure as `23`, `２３`, `二十三`, `廿三`; `两百余`, `一百零五`,
//! `3.5万`, `1,100`, `百分之九十五`, `三分之二`, `九成`; heading markers count in Chinese
//! numerals too (`十二、`), and so do closing dates (`二〇一八年十二月十九日`).
//! [`parse_expression`] reads a whole numeral expression (ranges, fractions, percentages,
//! money); [`parse_integer`] and [`parse_scaled`] are the same reader for the marker,
//! date and metric stages. Values are computed in exact decimals ([`Dec`]) and turned
//! into a float once, at the end: `4.06万亿` is 4060000000000, not 4059999999999.9995.
//! The metrics stage decides which strings are quantities.

/// An exact decimal: `mant / 10^scale`. Scaling by 十百千万亿 and adding sections never
/// rounds; only the final conversion to `f64` does (to the nearest float).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dec {
    mant: i128,
    scale: u32,
}

impl Dec {
    const fn int(v: i128) -> Dec {
        Dec { mant: v, scale: 0 }
    }

    /// Arabic digits with an optional decimal part and exponent (`12.5`, `1.5e3`).
    fn parse(s: &str) -> Option<Dec> {
        if let Some(rest) = s.strip_prefix('-') {
            let d = Dec::parse(rest)?;
            return Some(Dec { mant: -d.mant, ..d });
        }
        let s = s.strip_prefix('+').unwrap_or(s);
        let (num, exp) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], s[i + 1..].parse::<i32>().ok()?),
            None => (s, 0),
        };
        let (int, frac) = num.split_once('.').unwrap_or((num, ""));
        if (int.is_empty() && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || int.len() + frac.len() > 36
        {
            return None;
        }
        // At most 36 digits: no i128 overflow.
        let mant = int
            .bytes()
            .chain(frac.bytes())
            .fold(0i128, |m, b| m * 10 + i128::from(b - b'0'));
        let d = Dec {
            mant,
            scale: u32::try_from(frac.len()).ok()?,
        };
        if exp >= 0 {
            d.shift(exp.unsigned_abs())
        } else {
            Some(Dec {
                scale: d.scale.checked_add(exp.unsigned_abs())?,
                ..d
            })
        }
    }

    /// Multiplied by `10^n`.
    fn shift(self, n: u32) -> Option<Dec> {
        if n <= self.scale {
            return Some(Dec {
                scale: self.scale - n,
                ..self
            });
        }
        let mant = self.mant.checked_mul(10i128.checked_pow(n - self.scale)?)?;
        Some(Dec { mant, scale: 0 })
    }

    fn aligned(self, scale: u32) -> Option<i128> {
        self.mant
            .checked_mul(10i128.checked_pow(scale - self.scale)?)
    }

    fn add(self, o: Dec) -> Option<Dec> {
        let scale = self.scale.max(o.scale);
        Some(Dec {
            mant: self.aligned(scale)?.checked_add(o.aligned(scale)?)?,
            scale,
        })
    }

    fn is_integer(self) -> bool {
        self.scale == 0 || self.mant % 10i128.pow(self.scale.min(38)) == 0
    }

    /// The nearest float. A mantissa below 2^53 and a power of ten below 10^23 are both
    /// exact floats, so one division rounds correctly (Clinger's fast path, which is what
    /// the standard library's parser takes for them too); anything else goes through the
    /// decimal text, which Rust parses correctly rounded.
    fn to_f64(self) -> f64 {
        const EXACT: i128 = 1 << 53;
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        match POW10.get(self.scale as usize) {
            Some(&p) if self.mant.abs() <= EXACT => self.mant as f64 / p,
            _ => format!("{}e-{}", self.mant, self.scale)
                .parse()
                .unwrap_or(f64::NAN),
        }
    }
}

/// The most characters a numeral may have (beyond it, no numeral).
pub const MAX_NUMERAL_CHARS: usize = 40;

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

/// An integer numeral (`十二`, `二〇一八`, `23`): heading numbers and dates.
pub fn parse_integer(s: &str) -> Option<u64> {
    let d = parse_unsigned(s)?;
    if !d.is_integer() {
        return None;
    }
    u64::try_from(d.mant / 10i128.checked_pow(d.scale)?).ok()
}

/// A number (Arabic with `,` separators, or Chinese) multiplied by `10^shift` exactly:
/// `("4.06", 12)` is 4060000000000, `("二十三", 4)` is 230000.
pub fn parse_scaled(s: &str, shift: u32) -> Option<f64> {
    Some(parse_unsigned(s)?.shift(shift)?.to_f64())
}

/// `v` multiplied by `10^shift` exactly (through its shortest decimal form: `120.5` and
/// 4 give 1205000, never 1204999.9999999998).
pub fn scale(v: f64, shift: u32) -> f64 {
    if shift == 0 || !v.is_finite() {
        return v;
    }
    Dec::parse(&format!("{v}"))
        .and_then(|d| d.shift(shift))
        .map_or(v * 10f64.powi(shift as i32), Dec::to_f64)
}

/// A unit that carries a scale (`万元`, `亿元`, `万亿元`): the base unit and the power of
/// ten it stands for. Other units are their own base, with no scale.
pub fn unit_scale(unit: &str) -> (&str, u32) {
    for (prefix, shift) in [("万亿", 12), ("亿", 8), ("万", 4)] {
        if let Some(base) = unit.strip_prefix(prefix) {
            if base == "元" {
                return (base, shift);
            }
        }
    }
    (unit, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    // proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Every decimal becomes the float the standard library's correctly rounded parser
        /// gives for its text, on the fast path (small mantissa and scale) and off it.
        #[test]
        fn decimals_round_like_the_text(mant in -(1i128 << 60)..(1i128 << 60), scale in 0u32..30) {
            let d = Dec { mant, scale };
            let text: f64 = format!("{mant}e-{scale}").parse().unwrap();
            proptest::prop_assert_eq!(d.to_f64().to_bits(), text.to_bits());
        }

        /// Digits read one by one give the mantissa the text gives.
        #[test]
        fn arabic_digits_parse_exactly(int in "[0-9]{1,18}", frac in "[0-9]{0,18}") {
            let d = Dec::parse(&format!("{int}.{frac}")).unwrap();
            let mant: i128 = format!("{int}{frac}").parse().unwrap();
            proptest::prop_assert_eq!(d, Dec { mant, scale: frac.len() as u32 });
        }
    }

    #[test]
    fn the_fast_path_ends_where_floats_stop_being_exact() {
        for (mant, scale) in [
            (1i128 << 53, 22),
            ((1 << 53) + 1, 0),
            (-(1 << 53) - 1, 3),
            (1, 23),
        ] {
            let text: f64 = format!("{mant}e-{scale}").parse().unwrap();
            assert_eq!(
                Dec { mant, scale }.to_f64().to_bits(),
                text.to_bits(),
                "{mant}e-{scale}"
            );
        }
    }

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
            assert_eq!(parse_integer(s), Some(v), "{s}");
        }
        assert_eq!(parse_integer("十三五规划"), None);
        assert_eq!(
            parse_integer(&"一万".repeat(10_000)),
            None,
            "too long to be a numeral"
        );
        assert_eq!(parse_integer("1.5"), None);
    }

    #[test]
    fn exact_scaling() {
        assert_eq!(parse_scaled("3.5", 4), Some(35000.0));
        assert_eq!(parse_scaled("1,100", 0), Some(1100.0));
        assert_eq!(parse_scaled("1.2", 8), Some(120_000_000.0));
        assert_eq!(parse_scaled("二十三", 0), Some(23.0));
        assert_eq!(parse_scaled("4.06", 12), Some(4_060_000_000_000.0));
        assert_eq!(parse_scaled("0.35", 4), Some(3500.0));
        assert_eq!(parse_scaled("1.23456", 4), Some(12345.6));
        assert_eq!(
            parse_expression("4.06万亿").map(|p| p.value),
            Some(4_060_000_000_000.0)
        );
        assert_eq!(parse_expression("0.1万").map(|p| p.value), Some(1000.0));
        assert_eq!(unit_scale("万亿元"), ("元", 12));
        assert_eq!(unit_scale("万人"), ("万人", 0));
    }
}

/// A parsed numeral expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    /// The value (`三分之一` → 0.333…, `50%` → 0.5 with `percent` 50).
    pub value: f64,
    /// Upper end of a range (`3至5`, `两到三万`).
    pub max: Option<f64>,
    /// The value as a percentage when the expression is one (`百分之五` → 5, `九成` → 90,
    /// `2.4个百分点` → 2.4, `千分之三` → 0.3).
    pub percent: Option<f64>,
}

impl Parsed {
    fn plain(value: f64) -> Self {
        Parsed {
            value,
            max: None,
            percent: None,
        }
    }
    fn percent(p: f64) -> Self {
        Parsed {
            value: p / 100.0,
            max: None,
            percent: Some(p),
        }
    }
}

/// Folds the traditional and financial forms that numerals use into one spelling.
fn fold_numeral_char(c: char) -> char {
    match c {
        '萬' => '万',
        '億' => '亿',
        '點' => '点',
        '個' => '个',
        '負' => '负',
        '兩' | '倆' | '俩' => '两',
        '幾' => '几',
        '貳' | '贰' => '二',
        '參' | '叁' | '参' => '三',
        '陸' | '陆' => '六',
        '壹' => '一',
        '肆' => '四',
        '伍' => '五',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        '佰' => '百',
        '仟' => '千',
        '，' => ',',
        _ => crate::normalize::fold(c),
    }
}

fn big_unit(c: char) -> Option<u32> {
    match c {
        '万' | 'w' | 'W' => Some(4),
        '亿' => Some(8),
        '兆' => Some(12),
        _ => None,
    }
}

fn small_unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(1),
        '百' => Some(2),
        '千' | 'k' | 'K' => Some(3),
        _ => None,
    }
}

/// `10^n` as a decimal.
fn pow10(n: u32) -> Dec {
    Dec::int(10i128.pow(n))
}

/// The value of a number without sign, fraction or range, exactly. Big scale words split
/// the number recursively at the largest one (`四千五百六十九万八千三百一十一亿四千八百七十二万…`,
/// `3千万亿`, `10万万`); within a section, Arabic numbers act as digits (`1万600`,
/// `200亿零四千230`), a lone digit after a unit is a tenth of it (`九万四` = 94000,
/// `二百五` = 250), and units must fall (`十一十二` and `百十一` are no numerals). Units are
/// powers of ten (`万` = 4).
fn parse_unsigned(s: &str) -> Option<Dec> {
    // No figure of a report needs more characters (一千三百六十九亿一千四百万 has 13); a
    // longer run (`一万一万一万…` pasted over and over) would only cost recursion.
    if s.is_empty() || s.len() > 4 * MAX_NUMERAL_CHARS {
        return None;
    }
    // Plain digits, the common case (every table cell): read without the lists below.
    if s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        if let Some(v) = Dec::parse(s) {
            return Some(v);
        }
    }
    if s.contains(['廿', '卅']) {
        return parse_unsigned(&s.replace('廿', "二十").replace('卅', "三十"));
    }
    if s == "半百" {
        return Some(Dec::int(50));
    }
    let chars: Vec<char> = s.chars().collect();
    // A unit alone is its value: 百 (in 百分之), 千, 万.
    if chars.len() == 1 {
        if let Some(u) = small_unit(chars[0]).or_else(|| big_unit(chars[0])) {
            return Some(pow10(u));
        }
    }
    // Largest big unit, last occurrence.
    let best = chars
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| big_unit(c).map(|u| (u, i)))
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    if let Some((unit, at)) = best {
        let left: String = chars[..at].iter().collect();
        let right: String = chars[at + 1..].iter().collect();
        let left_value = if left.is_empty() {
            Dec::int(1)
        } else {
            parse_unsigned(&left)?
        };
        // 10.1万零100 mixes a decimal with further digits: not a numeral.
        if !left_value.is_integer() && !right.is_empty() {
            return None;
        }
        let mut right_chars = right.chars();
        let right_value = match (right_chars.next(), right_chars.next()) {
            (None, _) => Dec::int(0),
            // 两千万点五五四四: the decimals belong to the ones.
            (Some('点'), _) => parse_unsigned(&format!("0{right}"))?,
            // 九万四: a lone digit counts the next unit down.
            (Some(c), None) if cn_digit(c).is_some() => {
                Dec::int(i128::from(cn_digit(c)?)).shift(unit - 1)?
            }
            _ => parse_unsigned(&right)?,
        };
        return left_value.shift(unit)?.add(right_value);
    }
    // A decimal point inside a section: 一千六点五, 一百点123; 点一 alone is no numeral.
    if let Some((int, frac)) = s.split_once('点') {
        let int_value = parse_unsigned(int)?;
        let digits: String = frac
            .chars()
            .map(|c| cn_digit(c).map_or(c, |d| char::from(b'0' + d as u8)))
            .collect();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return int_value.add(Dec::parse(&format!("0.{digits}"))?);
    }
    // Plain Arabic (with separators, decimals, exponent).
    let cleaned: String = chars.iter().filter(|&&c| c != ',').collect();
    if cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
    {
        if let Some(v) = Dec::parse(&cleaned) {
            return Some(v);
        }
    }
    // Digit by digit: 二〇一八, 一二三.
    if chars.len() > 1 && chars.iter().all(|&c| cn_digit(c).is_some()) {
        return chars.iter().try_fold(Dec::int(0), |acc, &c| {
            acc.shift(1)?.add(Dec::int(i128::from(cn_digit(c)?)))
        });
    }
    // A section below 万: digits (Chinese or Arabic) and 十百千.
    let mut total = Dec::int(0);
    let mut pending: Option<Dec> = None;
    let mut last_unit: Option<u32> = None;
    let mut after_zero = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || c == '.' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',')
            {
                i += 1;
            }
            let text: String = chars[start..i].iter().filter(|&&c| c != ',').collect();
            pending = Some(Dec::parse(&text)?);
            continue;
        }
        if let Some(d) = cn_digit(c) {
            if pending.is_some() && !after_zero && last_unit.is_none() {
                return None;
            }
            if d == 0 {
                after_zero = true;
            } else {
                pending = Some(Dec::int(i128::from(d)));
            }
        } else if let Some(u) = small_unit(c) {
            // 百三 and 千三 (130, 1300) may open without a digit; 百十一 may not, and
            // after 零 a unit may (一万零百一十一).
            let bare_opening = i == 0 && chars.len() == 2 && cn_digit(chars[1]).is_some();
            if last_unit.is_some_and(|l| u >= l)
                || (pending.is_none() && u > 1 && !bare_opening && !after_zero)
            {
                return None;
            }
            total = total.add(pending.take().unwrap_or(Dec::int(1)).shift(u)?)?;
            last_unit = Some(u);
            after_zero = false;
        } else {
            return None;
        }
        i += 1;
    }
    if let Some(p) = pending {
        let trailing_digit = chars.last().is_some_and(|c| cn_digit(*c).is_some());
        let below_ten = p.mant < 10i128.pow(p.scale.min(37)).saturating_mul(10);
        let implicit = last_unit.filter(|_| !after_zero && below_ten && trailing_digit);
        total = total.add(match implicit {
            Some(u) => p.shift(u - 1)?,
            None => p,
        })?;
    }
    Some(total)
}

/// A signed value with fractions (`三分之一`, `负3分之负一百五十七`, `3/5`), mixed numbers
/// (`三百五又三分之一`, `1 3/5`) and powers (`2.5^-1`).
fn parse_signed(s: &str) -> Option<f64> {
    let first = s.chars().next()?;
    let (negative, rest) = match first {
        '负' | '-' => (true, &s[first.len_utf8()..]),
        '正' | '+' => (false, &s[first.len_utf8()..]),
        _ => (false, s),
    };
    let v = if let Some((whole, frac)) = rest.split_once('又') {
        parse_unsigned(whole)?.to_f64() + parse_signed(frac)?
    } else if let Some((num, den)) = rest.split_once('/') {
        let den = parse_signed(den)?;
        if den == 0.0 {
            return None;
        }
        parse_signed(num)? / den
    } else if let Some((den, num)) = rest.split_once("分之") {
        let den = if den.is_empty() {
            1.0
        } else {
            parse_signed(den)?
        };
        if den == 0.0 {
            return None;
        }
        parse_signed(num)? / den
    } else if let Some((base, exp)) = rest.split_once('^') {
        parse_signed(base)?.powf(parse_signed(exp)?)
    } else {
        parse_unsigned(rest)?.to_f64()
    };
    Some(if negative { -v } else { v })
}

/// Currency words that may stand before or after a number (`data/words.tsv`).
fn currencies() -> &'static [&'static str] {
    crate::knowledge::words(crate::knowledge::Role::Currency)
}

/// Parses a numeral expression as written in reports and the number gold sets: Arabic and
/// Chinese numerals (also traditional and financial forms: 壹佰, 萬, 廿), scales (3.5万,
/// 4.06万亿, 15k, 30w, 10万万), decimals (一千六点五), signs (负), fractions and mixed
/// numbers (三分之一, 3/5, 1 3/5), infix approximations kept at the stated figure (500余万,
/// 十多万, 二十几万), percentages (百分之九十五, 千分之三, 50%, 九成, 三成半, 八五折,
/// 2.4个百分点), money (一百二十三元1角1分, 五元三毛, ￥300) and ranges (3至5, 两到三万,
/// 1万-5万元). A unit or currency may follow; anything else makes it no numeral
/// (`十三五规划` → `None`).
pub fn parse_expression(input: &str) -> Option<Parsed> {
    // `1 3/5` is a mixed number: its space becomes 又 before spaces are dropped.
    let folded: String = input.trim().chars().map(fold_numeral_char).collect();
    let folded = match folded.split_once(' ') {
        Some((a, b))
            if b.contains('/') && !a.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) =>
        {
            format!("{a}又{b}")
        }
        _ => folded,
    };
    let mut s: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    for (from, to) in [
        ("零几", "零"),
        ("几", ""),
        ("余", ""),
        ("多", ""),
        ("个亿", "亿"),
        ("个万", "万"),
    ] {
        if s.chars().count() > from.chars().count() {
            s = s.replace(from, to);
        }
    }
    if let Some(n) = s.strip_suffix('打') {
        // A dozen: 五十打 = 600.
        return parse_expression(n).map(|p| Parsed {
            value: p.value * 12.0,
            ..p
        });
    }
    for w in ["US$", "$", "￥", "¥"].iter().chain(currencies()) {
        if let Some(rest) = s.strip_prefix(w) {
            s = rest.to_string();
            break;
        }
    }
    let s = s.trim_matches(|c: char| matches!(c, '约' | '近' | '整'));
    if s.is_empty() {
        return None;
    }
    // Ranges: 3至5, 两到三万 (the lower end takes the upper end's scale), 1万-5万元.
    for sep in ["至", "到", "~", "--", "-"] {
        let Some((a, b)) = s.split_once(sep) else {
            continue;
        };
        if a.is_empty() || a == "负" || a.ends_with(['^', 'e', 'E']) {
            continue;
        }
        let (Some(mut lo), Some(hi)) = (parse_expression(a), parse_expression(b)) else {
            continue;
        };
        let a_has_scale = a.chars().any(|c| big_unit(c).is_some());
        if !a_has_scale && lo.value < hi.value / 10.0 {
            if let Some(u) = b.chars().find_map(big_unit) {
                lo.value = scale(lo.value, u);
            }
        }
        return Some(Parsed {
            value: lo.value,
            max: Some(hi.value),
            percent: lo.percent,
        });
    }
    // Money: 元/块 with 角/毛 and 分; a currency after 元 adds nothing (8亿元人民币).
    let mut s = s.to_string();
    for w in currencies() {
        if let Some(rest) = s.strip_suffix(w) {
            if rest.ends_with(['元', '圆']) {
                s = rest.to_string();
            }
        }
    }
    for w in ["元", "圆", "块"] {
        if let Some((int, rest)) = s.split_once(w) {
            if !int.is_empty() && !rest.is_empty() {
                let mut value = parse_signed(int)?;
                let mut r = rest;
                for (unit, factor) in [("角", 0.1), ("毛", 0.1), ("分", 0.01)] {
                    if let Some((n, after)) = r.split_once(unit) {
                        value += parse_unsigned(n)?.to_f64() * factor;
                        r = after;
                    }
                }
                // 壹拾壹元正: 正/整 ("exactly") closes a written amount.
                if !r.is_empty() && !currencies().contains(&r) && !matches!(r, "钱" | "正" | "整")
                {
                    return None;
                }
                return Some(Parsed::plain((value * 100.0).round() / 100.0));
            }
        }
    }
    // Only a known unit or currency may follow the number (`5306亿台币`, `16件`).
    let mut t = s.as_str();
    loop {
        let before = t;
        // Units that carry a scale (万元, 亿元) are the scale plus 元: only 元 goes.
        let units = crate::knowledge::units()
            .iter()
            .filter(|u| u.kind != "percent" && !u.text.contains(['万', '亿']))
            .map(|u| u.text);
        for w in currencies()
            .iter()
            .copied()
            .chain(units)
            .chain(["圆", "块", "正", "整"])
        {
            if t.len() > w.len() {
                if let Some(rest) = t.strip_suffix(w) {
                    t = rest;
                    break;
                }
            }
        }
        if t == before {
            break;
        }
    }
    parse_percent(t).or_else(|| parse_signed(t).map(Parsed::plain))
}

/// The percentage forms: 50%, 3‰, 2.4个百分点, 九成, 三成半, 七成六, 八五折, 半折, 百分之五,
/// 千分之三.
fn parse_percent(s: &str) -> Option<Parsed> {
    if let Some(p) = s.strip_suffix('%') {
        return parse_signed(p).map(Parsed::percent);
    }
    if let Some(p) = s.strip_suffix('‰') {
        return parse_signed(p).map(|v| Parsed::percent(v / 10.0));
    }
    for suffix in ["个百分点", "百分点"] {
        if let Some(p) = s.strip_suffix(suffix) {
            return parse_signed(p).map(Parsed::percent);
        }
    }
    match s {
        "半折" | "对折" | "對折" => return Some(Parsed::percent(50.0)),
        "半成" => return Some(Parsed::percent(5.0)),
        _ => {}
    }
    if let Some((tens, rest)) = s.split_once('成') {
        let tens = parse_signed(tens)?;
        let extra = match rest {
            "" => 0.0,
            "半" => 5.0,
            r if r.chars().count() == 1 => cn_digit(r.chars().next()?)? as f64,
            _ => return None,
        };
        return Some(Parsed::percent(tens * 10.0 + extra));
    }
    if let Some(p) = s.strip_suffix('折') {
        // 八五折 and 72折 are 85% and 72%; 2.5折 and 七折 are 25% and 70%.
        let digits: Vec<char> = p.chars().collect();
        let two_digits = digits.len() == 2
            && digits
                .iter()
                .all(|c| cn_digit(*c).is_some() || c.is_ascii_digit());
        let v = if two_digits {
            parse_unsigned(&format!("{}点{}", digits[0], digits[1]))?.to_f64()
        } else {
            parse_signed(p)?
        };
        return Some(Parsed::percent(v * 10.0));
    }
    if let Some((den, _)) = s.split_once("分之") {
        let per_hundred = matches!(
            den,
            "百" | "千" | "万" | "十万" | "百万" | "千万" | "万万" | "百万万"
        );
        if per_hundred {
            return parse_signed(s).map(|v| Parsed {
                value: v,
                max: None,
                percent: Some(v * 100.0),
            });
        }
    }
    None
}

#[cfg(test)]
mod expression_tests {
    use super::*;

    fn v(s: &str) -> f64 {
        parse_expression(s)
            .unwrap_or_else(|| panic!("{s} parses"))
            .value
    }

    fn pct(s: &str) -> Option<f64> {
        parse_expression(s).and_then(|p| p.percent)
    }

    #[test]
    fn gold_set_shapes() {
        assert_eq!(
            v("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二"),
            4569831148725382.0
        );
        assert_eq!(v("九万四"), 94000.0);
        assert_eq!(v("二百五"), 250.0);
        assert_eq!(v("一千六点五"), 1600.5);
        assert_eq!(v("200亿零四千230"), 20000004230.0);
        assert_eq!(v("1百01"), 101.0);
        assert_eq!(v("10萬萬"), 1e9);
        assert_eq!(v("3千万亿日元"), 3e15);
        assert_eq!(v("负3分之负一百五十七"), 157.0 / 3.0);
        assert_eq!(v("壹萬零二百五十"), 10250.0);
        assert_eq!(v("123元1角1分"), 123.11);
        assert_eq!(v("15k"), 15000.0);
        assert_eq!(v("1 3/5"), 1.6);
        assert_eq!(v("2.5^-1"), 0.4);
        assert_eq!(v("500余万"), 5e6);
        assert_eq!(v("8亿元人民币"), 8e8);
        assert_eq!(v("港币两千九百六十元"), 2960.0);
        assert_eq!(v("20个比特币"), 20.0);
        assert_eq!(pct("百分之五十二点五"), Some(52.5));
        assert_eq!(pct("八点五成"), Some(85.0));
        assert_eq!(pct("三成半"), Some(35.0));
        assert_eq!(pct("2.4个百分点"), Some(2.4));
        assert_eq!(
            parse_expression("两到三万").unwrap(),
            Parsed {
                value: 20000.0,
                max: Some(30000.0),
                percent: None
            }
        );
        assert_eq!(v("1000万元"), 1e7);
        assert_eq!(v("百三"), 130.0);
        assert_eq!(v("两千万点五五四四"), 20000000.5544);
        for not in ["十三五规划", "十一十二", "百十一", "点一", "10.1万零100"] {
            assert_eq!(parse_expression(not), None, "{not}");
        }
    }
}
