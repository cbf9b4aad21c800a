//! Layout repair on text written for these tests (not the seed): the same
//! kinds of damage in other sentences are repaired by the same mechanism,
//! and clean text is left alone.

use tarikh::lang::Lang;
use tarikh::temporal::extract;

fn values(text: &str) -> Vec<(String, bool)> {
    let ex = extract("t", text, Lang::Fa);
    let (res, _) = tarikh::temporal::resolve::resolve_all(
        "t",
        &ex.mentions,
        tarikh::temporal::resolve::Context::default(),
    );
    res.into_iter()
        .map(|r| (r.time.value.unwrap_or_default(), r.time.repaired.is_some()))
        .collect()
}

#[test]
fn a_year_stranded_after_the_verb_goes_back_to_its_slot() {
    let text = "جنگ ایران و عراق در سال میلادی آغاز شد و هشت سال ادامه یافت ۱۹۸۰ سازمان ملل در این مدت چند قطعنامه صادر کرد.";
    let v = values(text);
    assert!(v.contains(&("1980".to_string(), true)), "{v:?}");
}

#[test]
fn a_day_stranded_at_the_line_end_fills_roz_month() {
    let text = "نشست سران از روز اسفند در ژنو آغاز شد و تا پایان هفته ادامه دارد ۱۲\n\nخبرنگاران در محل حضور دارند.";
    let ex = extract("t", text, Lang::Fa);
    let m = ex
        .mentions
        .iter()
        .find(|m| m.repaired.is_some())
        .expect("repaired");
    assert!(m.repaired.as_ref().unwrap().reading.contains("۱۲ اسفند"));
}

#[test]
fn clean_text_is_never_repaired() {
    for text in [
        "شورای امنیت در سال ۱۹۹۳ قطعنامه ۸۲۲ را تصویب کرد.",
        "این موضوع در ماده ۱۰",
        "آمار تلفات سال‌های ۱۹۹۴ الی ۱۹۹۲ در این گزارش آمده است.",
        "جدول شماره ۳ تلفات دوره ۲۰۲۱-۲۰۱۹ را نشان می‌دهد.",
    ] {
        let ex = extract("t", text, Lang::Fa);
        assert!(ex.mentions.iter().all(|m| m.repaired.is_none()), "{text}");
        assert!(
            ex.diagnostics
                .iter()
                .all(|d| d.code.as_str() != "displaced-number"),
            "{text}"
        );
    }
}

#[test]
fn an_empty_slot_with_nothing_to_fill_it_is_reported() {
    let text = "این توافق در سال میلادی امضا شد.";
    let ex = extract("t", text, Lang::Fa);
    assert!(
        ex.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "unrepaired-damage"),
        "{:?}",
        ex.diagnostics
    );
}
