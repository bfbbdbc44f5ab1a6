//! What actors, stakes and risks have in common, and the one place where a kind of item
//! picks its list: code that works on any item (names, evidence, adding, deleting,
//! moving) goes through [`Item`] and [`Notebook::items`] instead of matching on the kind.

use super::{Actor, Evidence, Id, ItemKind, ItemRef, Notebook, Risk, Stake};

/// An actor, stake or risk, seen the same way whatever its kind.
pub trait Item {
    /// Which kind of item this is.
    fn kind(&self) -> ItemKind;
    /// Its id.
    fn id(&self) -> Id;
    /// The name shown for it: an actor's name, a stake's or a risk's title.
    fn name(&self) -> &str;
    /// The spans of the article that support it.
    fn evidence(&self) -> &[Evidence];
    /// The spans that support it, to change.
    fn evidence_mut(&mut self) -> &mut Vec<Evidence>;
    /// Where it is: its kind and id.
    fn item_ref(&self) -> ItemRef {
        ItemRef {
            kind: self.kind(),
            id: self.id(),
        }
    }
}

/// An item that can be created from a name (a new actor, stake or risk).
trait NewItem: Item + Sized {
    /// A new item with this id, name and evidence, everything else at its default.
    fn named(id: Id, name: String, evidence: Vec<Evidence>) -> Self;
}

/// Implements [`Item`] and [`NewItem`] for an item struct: its kind, the field that names
/// it, and the fields a new one starts with besides the defaults.
macro_rules! item {
    ($type:ident, $kind:expr, $name:ident $(, $field:ident: $value:expr)*) => {
        impl Item for $type {
            fn kind(&self) -> ItemKind {
                $kind
            }
            fn id(&self) -> Id {
                self.id
            }
            fn name(&self) -> &str {
                &self.$name
            }
            fn evidence(&self) -> &[Evidence] {
                &self.evidence
            }
            fn evidence_mut(&mut self) -> &mut Vec<Evidence> {
                &mut self.evidence
            }
        }

        impl NewItem for $type {
            fn named(id: Id, name: String, evidence: Vec<Evidence>) -> Self {
                $type {
                    id,
                    $name: name,
                    evidence,
                    $($field: $value,)*
                    ..$type::default()
                }
            }
        }
    };
}

item!(Actor, ItemKind::Actor, name);
item!(Stake, ItemKind::Stake, title);
// A new risk starts in the middle of both scales (a rating is never 0).
item!(Risk, ItemKind::Risk, title, likelihood: 3, impact: 3);

/// A notebook's list of one kind of item, whatever the kind.
pub(super) trait ItemList {
    /// The items, in the user's order.
    fn items(&self) -> Box<dyn Iterator<Item = &dyn Item> + '_>;
    /// The items, to change.
    fn items_mut(&mut self) -> Box<dyn Iterator<Item = &mut dyn Item> + '_>;
    /// Appends a new item named `name`.
    fn push_named(&mut self, id: Id, name: String, evidence: Vec<Evidence>);
    /// Removes the item `id`; false when there is none.
    fn remove(&mut self, id: Id) -> bool;
    /// Moves the item `id` up (negative) or down (positive), stopping at the ends; false
    /// when there is no such item.
    fn shift(&mut self, id: Id, delta: isize) -> bool;
}

impl<T: NewItem> ItemList for Vec<T> {
    fn items(&self) -> Box<dyn Iterator<Item = &dyn Item> + '_> {
        Box::new(self.iter().map(|i| i as &dyn Item))
    }

    fn items_mut(&mut self) -> Box<dyn Iterator<Item = &mut dyn Item> + '_> {
        Box::new(self.iter_mut().map(|i| i as &mut dyn Item))
    }

    fn push_named(&mut self, id: Id, name: String, evidence: Vec<Evidence>) {
        self.push(T::named(id, name, evidence));
    }

    fn remove(&mut self, id: Id) -> bool {
        let before = self.len();
        self.retain(|i| i.id() != id);
        self.len() != before
    }

    fn shift(&mut self, id: Id, delta: isize) -> bool {
        let Some(pos) = self.iter().position(|i| i.id() == id) else {
            return false;
        };
        shift_within(self, pos, delta);
        true
    }
}

/// Moves the element at `pos` up (negative) or down (positive) by `delta`, stopping at
/// the ends; the others keep their order.
pub(super) fn shift_within<T>(list: &mut [T], pos: usize, delta: isize) {
    let last = list.len().saturating_sub(1);
    let target = pos.saturating_add_signed(delta).min(last);
    if target < pos {
        list[target..=pos].rotate_right(1);
    } else if pos < target {
        list[pos..=target].rotate_left(1);
    }
}

impl Notebook {
    /// The list of one kind of item: the one place a kind picks its list.
    pub(super) fn list(&self, kind: ItemKind) -> &dyn ItemList {
        match kind {
            ItemKind::Actor => &self.actors,
            ItemKind::Stake => &self.stakes,
            ItemKind::Risk => &self.risks,
        }
    }

    /// The list of one kind of item, to change.
    pub(super) fn list_mut(&mut self, kind: ItemKind) -> &mut dyn ItemList {
        match kind {
            ItemKind::Actor => &mut self.actors,
            ItemKind::Stake => &mut self.stakes,
            ItemKind::Risk => &mut self.risks,
        }
    }

    /// Every item of a kind, in the user's order.
    pub fn items(&self, kind: ItemKind) -> impl Iterator<Item = &dyn Item> {
        self.list(kind).items()
    }

    /// Every item: actors, then stakes, then risks (pane order).
    pub fn all_items(&self) -> impl Iterator<Item = &dyn Item> {
        ItemKind::ALL.into_iter().flat_map(|kind| self.items(kind))
    }

    /// Every item, to change, in pane order.
    pub fn all_items_mut(&mut self) -> impl Iterator<Item = &mut dyn Item> {
        // The three lists borrowed apart, so all can be changed at once.
        let Notebook {
            actors,
            stakes,
            risks,
            ..
        } = self;
        actors
            .items_mut()
            .chain(stakes.items_mut())
            .chain(risks.items_mut())
    }

    /// The item `item` points at, if it exists.
    pub fn item(&self, item: ItemRef) -> Option<&dyn Item> {
        self.items(item.kind).find(|i| i.id() == item.id)
    }

    /// The item `item` points at, to change.
    pub fn item_mut(&mut self, item: ItemRef) -> Option<&mut dyn Item> {
        self.list_mut(item.kind)
            .items_mut()
            .find(|i| i.id() == item.id)
    }
}
