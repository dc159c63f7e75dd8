//! Heading levels. On its own page the explorer's title is an `h1`, its sections `h2` and their
//! parts `h3`; a host page with its own title can start them lower (`heading-level="2"` gives
//! `h2`, `h3`, `h4`), so that the page has one outline. The look follows the rank (a class), not
//! the tag: the explorer looks the same at any level.

use yew::prelude::*;

/// Where a heading sits in the explorer's outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// The programme's title.
    Title,
    /// A section: the streams, the totals, the charts, the scenarios…
    Section,
    /// A part of a section: a stream, a table, a chart…
    Part,
}

/// The heading levels in use, given by the level of the title; provided to every component
/// by the app as a context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levels {
    title: u8,
}

impl Levels {
    /// The lowest level the title can take: its parts are then `h6`, the last level there is.
    pub const LOWEST_TITLE: u8 = 4;

    /// The title at `level` (1 to [`Self::LOWEST_TITLE`]); `None` for any other level.
    pub fn with_title_at(level: u8) -> Option<Levels> {
        (1..=Self::LOWEST_TITLE)
            .contains(&level)
            .then_some(Levels { title: level })
    }

    /// The tag of a heading of `rank`: `h1`…`h6`.
    pub fn tag(self, rank: Rank) -> &'static str {
        const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        let below_title = match rank {
            Rank::Title => 0,
            Rank::Section => 1,
            Rank::Part => 2,
        };
        TAGS[usize::from(self.title - 1 + below_title)]
    }
}

impl Default for Levels {
    /// The explorer's own page: the title is the page's `h1`.
    fn default() -> Levels {
        Levels { title: 1 }
    }
}

/// Properties of [`Heading`].
#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// Where it sits in the outline.
    pub rank: Rank,
    /// Its element id.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Classes beside the rank's own.
    #[prop_or_default]
    pub class: Classes,
    /// Whether the script may move the focus to it (`tabindex="-1"`).
    #[prop_or_default]
    pub focusable: bool,
    /// Its text.
    #[prop_or_default]
    pub children: Html,
}

/// A heading at the level its rank has in the explorer's [`Levels`].
#[function_component(Heading)]
pub fn heading(props: &HeadingProps) -> Html {
    let levels = use_context::<Levels>().unwrap_or_default();
    let rank_class = match props.rank {
        Rank::Title => "heading-title",
        Rank::Section => "heading-section",
        Rank::Part => "heading-part",
    };
    html! {
        <@{levels.tag(props.rank)} id={props.id.clone()} class={classes!(rank_class, props.class.clone())}
            tabindex={props.focusable.then_some("-1")}>
            { props.children.clone() }
        </@>
    }
}
