//! Numbers as people read them: one way to write a share as a percentage, used by staleness
//! reasons, coverage, explanations, the CLI and the PDF, so "12.5%" reads the same everywhere.

/// A share (0.125) as a whole percentage ("13%"), halves rounded away from zero. The share is
/// first rounded to nine decimals, so a product such as 0.145 x 100 = 14.499999999999998
/// counts as the half it stands for; `+ 0.0` turns -0 into 0.
pub fn percent(share: f64) -> String {
    let hundredths = (share * 100.0 * 1e9).round() / 1e9;
    format!("{}%", hundredths.round() + 0.0)
}
