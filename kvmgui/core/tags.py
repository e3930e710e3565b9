"""Finding VMs by tag and state: the list's filter language, and tag groups.

The filter box takes words and ``key:value`` terms, all of which must match::

    tag:web state:running front      # tagged web, running, "front" in its name/title/…
"""

from __future__ import annotations

from dataclasses import dataclass

from kvmgui.core.domain import DomainInfo

TEMPLATES_GROUP = "Templates"
UNTAGGED_GROUP = "Untagged"


@dataclass(frozen=True, slots=True)
class VmQuery:
    """A parsed filter: plain words, tags and states, every one of which must match."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    states: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> VmQuery:
        words: list[str] = []
        tags: list[str] = []
        states: list[str] = []
        for term in text.lower().split():
            key, colon, value = term.partition(":")
            if colon and key == "tag":
                if value:
                    tags.append(value)
            elif colon and key == "state":
                if value:
                    states.append(value)
            else:
                words.append(term)
        return cls(tuple(words), tuple(tags), tuple(states))

    def __bool__(self) -> bool:
        return bool(self.words or self.tags or self.states)

    def narrows(self, wider: VmQuery) -> bool:
        """Whether every VM this query matches is also matched by ``wider`` (the
        filter as it was before a keystroke): then only ``wider``'s rows need a look."""
        return (
            all(any(old in new for new in self.words) for old in wider.words)
            and set(wider.tags) <= set(self.tags)
            # States are alternatives: fewer or longer ones narrow, none widens.
            and (not wider.states or (bool(self.states) and all(
                any(old in new for old in wider.states) for new in self.states)))
        )

    def matches(self, info: DomainInfo) -> bool:
        text = info.search_text
        if not all(word in text for word in self.words):
            return False
        if not all(tag in info.tags for tag in self.tags):
            return False
        if self.states:
            # "state:off" finds "Shut off", "state:saved" the saved ones.
            state = info.state_text.lower().replace(" ", "")
            return any(value in state for value in self.states)
        return True


def groups_of(info: DomainInfo) -> tuple[str, ...]:
    """The groups a VM shows in when the list is grouped by tag: each of its
    tags, templates in their own group, the others in the untagged one."""
    if info.is_template:
        return (TEMPLATES_GROUP,)
    return info.tags or (UNTAGGED_GROUP,)
