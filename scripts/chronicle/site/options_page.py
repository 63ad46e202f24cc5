"""`python -m chronicle.site.options_page`: writes docs/guide/plugin-options.md from the code."""

from __future__ import annotations

import sys
from pathlib import Path

from chronicle.site.config import options_reference

if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/guide/plugin-options.md")
    target.write_text(options_reference(), encoding="utf-8")
    print(f"wrote {target}")
