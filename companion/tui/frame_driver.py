"""Textual's terminal driver, for home's frame kept from one start to the next
(`companion/kept_frame.py`).

Two changes to Textual's `LinuxDriver`, both at the start:

- When the console script has already shown home's kept frame, the terminal is
  in the alternate screen: the driver does not enter it again (some terminals
  clear the screen when asked, which would blank the frame until the app's own
  is drawn), and it restores, as the app ends, the terminal's settings from
  before the frame was shown rather than the ones the frame left.
- It can record what is written (`recording`): the app records its first frame
  of home, which it keeps for the next start.
"""

from __future__ import annotations

from textual.drivers.linux_driver import LinuxDriver

from companion import kept_frame

ENTER_ALTERNATE_SCREEN = "\x1b[?1049h"


class FrameDriver(LinuxDriver):
    recording: list[str] | None = None
    _shown_before: bool = False

    def start_application_mode(self) -> None:
        before = kept_frame.take_over()
        self._shown_before = before is not None
        super().start_application_mode()  # type: ignore[no-untyped-call]
        if before is not None and before.attrs is not None:
            self.attrs_before = before.attrs
        self._shown_before = False

    def write(self, data: str) -> None:
        if self._shown_before and data == ENTER_ALTERNATE_SCREEN:
            return
        if self.recording is not None:
            self.recording.append(data)
        super().write(data)
