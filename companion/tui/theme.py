"""Two quiet themes: soft accents, no alarm red, readable in dark and light terminals."""

from __future__ import annotations

from textual.theme import Theme

DUSK = Theme(
    name="companion-dusk",
    primary="#8FB8A8",
    secondary="#A7B8D0",
    accent="#D8B48A",
    foreground="#DDE3DF",
    background="#1D2326",
    surface="#242B2F",
    panel="#2C3439",
    success="#9CC3A0",
    warning="#D8C08A",
    error="#C9A3A0",
    dark=True,
    variables={
        "footer-key-foreground": "#8FB8A8",
        "block-cursor-background": "#3A4A45",
        "block-cursor-foreground": "#DDE3DF",
        "input-selection-background": "#8FB8A8 30%",
    },
)

DAWN = Theme(
    name="companion-dawn",
    primary="#3F6F5F",
    secondary="#4F6482",
    accent="#8A5F37",
    foreground="#2B3033",
    background="#F5F2EC",
    surface="#ECE7DF",
    panel="#E2DCD2",
    success="#4C7A52",
    warning="#86692C",
    error="#8E5A57",
    dark=False,
    variables={
        "footer-key-foreground": "#3F6F5F",
        "block-cursor-background": "#CFDDD6",
        "block-cursor-foreground": "#2B3033",
        "input-selection-background": "#3F6F5F 25%",
    },
)

THEMES = (DUSK, DAWN)
