//! `tarikh convert`, run as a binary.

use assert_cmd::Command;
use serde_json::Value;

const KABISE: &str = include_str!("../data/kabise-1206-1498.txt");

fn tarikh() -> Command {
    Command::cargo_bin("tarikh").unwrap()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = tarikh();
    cmd.arg("convert").args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_solar_hijri_day() {
    let r = run(&["1399-08-10", "--from", "solar-hijri"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.stdout,
        "1399-08-10 (solar-hijri, day)\n\
         \x20 Gregorian    2020-10-31  Saturday\n\
         \x20 Solar Hijri  1399-08-10  ۱۰ آبان ۱۳۹۹ (شنبه)\n\
         \x20 Lunar Hijri  1442-03-14  ۱۴ ربیع‌الاول ۱۴۴۲ (umm-al-qura; may differ by a day from announcements)\n"
    );
}

#[test]
fn partial_dates_print_intervals() {
    let r = run(&["1399-08", "1994-05", "1399"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let blocks: Vec<&str> = r.stdout.split("\n\n").collect();
    assert_eq!(blocks.len(), 3, "{}", r.stdout);
    let aban = blocks[0];
    assert!(
        aban.starts_with("1399-08 (solar-hijri guessed from the year, month)\n"),
        "{aban}"
    );
    assert!(
        aban.contains("  Gregorian    2020-10-22 – 2020-11-20"),
        "{aban}"
    );
    assert!(
        aban.contains("  Solar Hijri  1399-08-01 – 1399-08-30  آبان ۱۳۹۹"),
        "{aban}"
    );
    let may = blocks[1];
    assert!(
        may.starts_with("1994-05 (gregorian guessed from the year, month)\n"),
        "{may}"
    );
    assert!(
        may.contains("  Gregorian    1994-05-01 – 1994-05-31  May 1994"),
        "{may}"
    );
    assert!(
        may.contains("  Solar Hijri  1373-02-11 – 1373-03-10"),
        "{may}"
    );
    let year = blocks[2];
    assert!(
        year.contains("(solar-hijri guessed from the year, year)"),
        "{year}"
    );
    assert!(
        year.contains("  Gregorian    2020-03-20 – 2021-03-20"),
        "{year}"
    );
    assert!(
        year.contains("  Solar Hijri  1399-01-01 – 1399-12-30  ۱۳۹۹\n"),
        "{year}"
    );
}

#[test]
fn json_fields() {
    let r = run(
        &["--json", "--from", "solar-hijri", "1399-08-10", "1399-08"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json_lines(&r.stdout);
    assert_eq!(v.len(), 2);
    let d = &v[0];
    assert_eq!(d["input"], "1399-08-10");
    assert_eq!(d["from"], "solar-hijri");
    assert_eq!(d["guessed"], false);
    assert_eq!(d["precision"], "day");
    assert_eq!(d["gregorian"]["start"], "2020-10-31");
    assert_eq!(d["gregorian"]["end"], "2020-10-31");
    assert_eq!(d["gregorian"]["weekday"], "Saturday");
    assert_eq!(d["solar_hijri"]["start"], "1399-08-10");
    assert_eq!(d["solar_hijri"]["end"], "1399-08-10");
    assert_eq!(d["solar_hijri"]["weekday"], "شنبه");
    assert_eq!(d["lunar_hijri"]["start"], "1442-03-14");
    assert_eq!(d["lunar_hijri"]["variant"], "umm-al-qura");
    assert_eq!(d["note"], tarikh::calendar::LUNAR_NOTE);
    let m = &v[1];
    assert_eq!(m["precision"], "month");
    assert_eq!(m["gregorian"]["start"], "2020-10-22");
    assert_eq!(m["gregorian"]["end"], "2020-11-20");
    assert_eq!(m["solar_hijri"]["start"], "1399-08-01");
    assert_eq!(m["solar_hijri"]["end"], "1399-08-30");
    assert!(m["gregorian"].get("weekday").is_none());
    assert!(m["solar_hijri"].get("weekday").is_none());
    assert!(m["lunar_hijri"].get("weekday").is_none());
}

#[test]
fn lunar_variants() {
    let r = run(&["--json", "--from", "lunar-hijri", "1446-09-01"], None);
    let v = json_lines(&r.stdout);
    assert_eq!(v[0]["gregorian"]["start"], "2025-03-01");
    let r = run(&["--json", "--lunar", "tabular", "2025-03-01"], None);
    let v = json_lines(&r.stdout);
    assert_eq!(v[0]["lunar_hijri"]["variant"], "tabular");
    assert_eq!(v[0]["guessed"], true);
    // Before 1300 AH the tabular rule is used even when Umm al-Qura is asked.
    let r = run(&["--json", "1850-01-01"], None);
    let v = json_lines(&r.stdout);
    assert_eq!(v[0]["lunar_hijri"]["variant"], "tabular");
    let r = run(&["1850-01-01"], None);
    assert!(
        r.stdout
            .contains("tabular: outside Umm al-Qura's 1300–1600 AH"),
        "{}",
        r.stdout
    );
}

#[test]
fn persian_and_arabic_indic_digits() {
    let r = run(
        &["--json", "۱۳۹۹/۰۸/۱۰", "١٣٩٩-٠٨-١٠", "\u{200f}۱۴۰۳/۱۲/۳۰"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json_lines(&r.stdout);
    assert_eq!(v.len(), 3);
    for x in &v[..2] {
        assert_eq!(x["from"], "solar-hijri");
        assert_eq!(x["guessed"], true);
        assert_eq!(x["gregorian"]["start"], "2020-10-31");
    }
    assert_eq!(v[2]["gregorian"]["start"], "2025-03-20");
}

#[test]
fn invalid_inputs_among_valid_ones() {
    let input = "# a comment\n1399-08-10\n\n1404-12-30\n1399-07-31\n2021-02-29\nnot a date\n1404-13\n1403-12-30\n";
    let r = run(&["--from", "solar-hijri"], Some(input));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("1399-08-10 (solar-hijri, day)"));
    assert!(r.stdout.contains("1403-12-30 (solar-hijri, day)"));
    assert!(r.stdout.contains("  Gregorian    2025-03-20  Thursday"));
    // 2021-02-29 is a valid Solar Hijri date (29 Ordibehesht 2021) under --from.
    assert!(r.stdout.contains("2021-02-29 (solar-hijri, day)"));
    assert_eq!(r.stdout.matches("(solar-hijri, day)").count(), 3);
    let err: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(err.len(), 4, "{}", r.stderr);
    assert_eq!(
        err[0],
        "tarikh: line 4: 1404-12-30: does not exist in the Solar Hijri calendar: Esfand 1404 has 29 days (1404 is not a leap year)"
    );
    assert!(
        err[1].starts_with("tarikh: line 5: 1399-07-31: ") && err[1].ends_with("Mehr has 30 days"),
        "{}",
        err[1]
    );
    assert!(
        err[2].starts_with("tarikh: line 7: not a date: "),
        "{}",
        err[2]
    );
    assert!(
        err[3].starts_with("tarikh: line 8: 1404-13: month 13 does not exist"),
        "{}",
        err[3]
    );

    let r = run(&["2021-02-29", "2021-02-28", "0"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("tarikh: argument 1: 2021-02-29: does not exist in the Gregorian calendar: February 2021 has 28 days"), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("2021-02-28 (gregorian guessed from the year, day)")
    );

    // In JSON every input gets a line, errors included.
    let r = run(&["--json", "1404-12-30", "1404-12-29"], None);
    assert_eq!(r.code, 1);
    let v = json_lines(&r.stdout);
    assert_eq!(v.len(), 2);
    assert!(
        v[0]["error"]
            .as_str()
            .unwrap()
            .contains("Esfand 1404 has 29 days")
    );
    assert_eq!(v[1]["gregorian"]["start"], "2026-03-20");
}

#[test]
fn all_kabise_years_in_one_call() {
    let years: String = KABISE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .map(|y| format!("{}\n", y.trim_end_matches('*')))
        .collect();
    let r = run(&["--from", "solar-hijri", "--json"], Some(&years));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json_lines(&r.stdout);
    assert_eq!(v.len(), 293);
    let rows: Vec<(&str, &str)> = KABISE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            Some((f.next()?, f.next()?))
        })
        .collect();
    for (x, (y, nowruz)) in v.iter().zip(rows) {
        assert_eq!(x["precision"], "year");
        assert_eq!(x["input"], y.trim_end_matches('*'));
        assert_eq!(x["gregorian"]["start"], nowruz, "{y}");
        let len = if y.ends_with('*') { "30" } else { "29" };
        assert!(
            x["solar_hijri"]["end"]
                .as_str()
                .unwrap()
                .ends_with(&format!("-12-{len}")),
            "{y}"
        );
    }
    // And as text.
    let r = run(&["--from", "solar-hijri"], Some(&years));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.matches("(solar-hijri, year)").count(), 293);
}

#[test]
fn help_has_examples() {
    let out = tarikh().args(["convert", "--help"]).output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Examples:",
        "tarikh convert 1399-08-10 --from solar-hijri",
        "--lunar",
        "umm-al-qura",
        "--json",
        "Exit status",
    ] {
        assert!(help.contains(needle), "help lacks {needle:?}");
    }
    let out = tarikh()
        .args(["convert", "--from", "julian", "2020"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn no_input_is_not_an_error() {
    let r = run(&[], Some("# nothing\n\n"));
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}
