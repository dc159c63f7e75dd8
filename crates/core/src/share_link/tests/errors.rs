//! Links that do not read: every problem comes back as its typed error, with the part of the
//! link it is in.

use super::muchuan;
use crate::share_link::*;

#[test]
fn every_problem_is_a_typed_error() {
    let dataset = muchuan();
    let cases: Vec<(String, LinkError)> = vec![
        ("".into(), LinkError::Empty),
        ("#".into(), LinkError::Empty),
        ("hello".into(), LinkError::NotALink),
        ("v".into(), LinkError::NotALink),
        (
            "v2;m:p".into(),
            LinkError::UnsupportedVersion { found: "2".into() },
        ),
        (
            "v1;x".into(),
            LinkError::BadSegment {
                segment: "x".into(),
            },
        ),
        (
            "v1;q:1".into(),
            LinkError::UnknownSetting { name: "q".into() },
        ),
        (
            "v1;m:x".into(),
            LinkError::BadSetting {
                name: "m".into(),
                value: "x".into(),
            },
        ),
        (
            "v1;s:0;s:0".into(),
            LinkError::RepeatedSetting { name: "s".into() },
        ),
        (
            "v1;nope=1w".into(),
            LinkError::UnknownStream { id: "nope".into() },
        ),
        (
            "v1;tech-projects=1w;tech-projects=2w".into(),
            LinkError::RepeatedStream {
                id: "tech-projects".into(),
            },
        ),
        (
            "v1;tech-projects=1w,2w".into(),
            LinkError::RepeatedPart {
                id: "tech-projects".into(),
                part: "2w".into(),
            },
        ),
        (
            "v1;tech-projects=x".into(),
            LinkError::UnknownPart {
                id: "tech-projects".into(),
                part: "x".into(),
            },
        ),
        (
            "v1;tech-projects=".into(),
            LinkError::UnknownPart {
                id: "tech-projects".into(),
                part: "".into(),
            },
        ),
        (
            "v1;tech-projects=12x".into(),
            LinkError::BadAmount {
                id: "tech-projects".into(),
                text: "12x".into(),
            },
        ),
        (
            "v1;tech-projects=100000000001w".into(),
            LinkError::AmountOutOfRange {
                id: "tech-projects".into(),
            },
        ),
        (
            "v1;tech-projects=99999999999999999999999999".into(),
            LinkError::AmountOutOfRange {
                id: "tech-projects".into(),
            },
        ),
        (
            "v1;finance-priority=5w".into(),
            LinkError::NoAmount {
                id: "finance-priority".into(),
            },
        ),
        (
            "v1;tech-projects=g".into(),
            LinkError::NotSought {
                id: "tech-projects".into(),
            },
        ),
        (
            "v1;training-base=p101".into(),
            LinkError::BadPercent {
                id: "training-base".into(),
                text: "101".into(),
            },
        ),
        (
            "v1;training-base=p".into(),
            LinkError::BadPercent {
                id: "training-base".into(),
                text: "".into(),
            },
        ),
        (
            "v1;training-base=g,r".into(),
            LinkError::RepeatedPart {
                id: "training-base".into(),
                part: "r".into(),
            },
        ),
        (
            "v1;training-base=-5".into(),
            LinkError::UnknownPart {
                id: "training-base".into(),
                part: "-5".into(),
            },
        ),
        (
            format!("v1;{}", "x".repeat(MAX_LINK_BYTES)),
            LinkError::TooLong {
                bytes: MAX_LINK_BYTES + 3,
            },
        ),
    ];
    for (link, error) in cases {
        assert_eq!(decode(&link, &dataset), Err(error.clone()), "{link:?}");
    }
    let long = format!("v1;{}=1", "a".repeat(100));
    match decode(&long, &dataset) {
        Err(LinkError::UnknownStream { id }) => assert_eq!(id.chars().count(), 41),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_note_or_name_is_a_located_error() {
    let dataset = muchuan();
    let id = "farmer-training".to_owned();
    for (link, error) in [
        // Not base64url, not UTF-8, a length no encoder writes, twice.
        (
            "v1;farmer-training=n%%%",
            LinkError::BadNote { id: id.clone() },
        ),
        (
            "v1;farmer-training=n_w",
            LinkError::BadNote { id: id.clone() },
        ),
        (
            "v1;farmer-training=nZ",
            LinkError::BadNote { id: id.clone() },
        ),
        (
            "v1;farmer-training=nZg,nZg",
            LinkError::RepeatedPart {
                id: id.clone(),
                part: "nZg".into(),
            },
        ),
        ("v1;t:%%", LinkError::BadName),
        (
            "v1;t:Zg;t:Zg",
            LinkError::RepeatedSetting { name: "t".into() },
        ),
    ] {
        assert_eq!(read(link, &dataset), Err(error), "{link}");
    }
    let long = base64url::encode("长".repeat(crate::scenario::MAX_NAME_CHARS + 1).as_bytes());
    assert_eq!(
        read(&format!("v1;t:{long}"), &dataset),
        Err(LinkError::BadName)
    );
}
