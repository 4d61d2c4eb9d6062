"""The use cases: what the CLI and the TUI both do with the data, in one place.

An interface (a CLI command, a screen, a dialog) reads through the repository's
typed stores (`repo.interviews.all()`), and changes data only by calling a
function here: `interviews.log_contact(repo, interview, kind, on)`,
`practice.rate(repo, question, rating, answered_for)`, `summary.summary(repo)`.
A function here takes the repository first, takes the day and the moment from
its clock, applies the domain's rules (`companion.domain`) and writes through
the stores, in one batch when it changes several things.

One module a capability; import the module, not its names
(`from companion.services import interviews`), so that calls read as
`interviews.add_interview(...)` beside the domain's names. This package
imports nothing itself: the shell prompt's `summary --short` loads only
`summary` and `access`.
"""
