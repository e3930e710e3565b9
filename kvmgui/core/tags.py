"""Finding VMs by tag and state: the list's filter language, and tag groups.

The filter box takes words and ``key:value`` terms, all of which must match::

    tag:web state:running front      # tagged web, running, "front" in its name/title/…

A state is also found by its name in the user's language (``state:läuft``):
the UI hands :meth:`VmQuery.parse` the names it shows (:func:`translated_states`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kvmgui.core.domain import STATE_WORDS, DomainInfo

TEMPLATES_GROUP = "Templates"
UNTAGGED_GROUP = "Untagged"


@dataclass(frozen=True, slots=True)
class VmQuery:
    """A parsed filter: plain words, tags and states, every one of which must match."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    states: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, translated: Mapping[str, str] | None = None) -> VmQuery:
        """``translated``: the state words as the user reads them, each to its English
        one (see :func:`translated_states`); a ``state:`` value found in one of them
        also finds the English state."""
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
                    states += [english for local, english in (translated or {}).items()
                               if value in local and english not in states]
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
            state = state_word(info.state_text)
            return any(value in state for value in self.states)
        return True


def state_word(text: str) -> str:
    """A state as ``state:`` terms match it: "Shut off" → "shutoff"."""
    return text.lower().replace(" ", "")


def translated_states(as_shown: Callable[[str], str]) -> dict[str, str]:
    """Each state word as the UI shows it (``as_shown``: in the user's language), to the
    English one, where the two differ."""
    return {
        state_word(local): state_word(word)
        for word in STATE_WORDS
        if (local := as_shown(word)) != word
    }


def groups_of(info: DomainInfo) -> tuple[str, ...]:
    """The groups a VM shows in when the list is grouped by tag: each of its
    tags, templates in their own group, the others in the untagged one."""
    if info.is_template:
        return (TEMPLATES_GROUP,)
    return info.tags or (UNTAGGED_GROUP,)
