"""``python -m frontline.geo [SOURCE_DIR] [OUT_DIR]``: rebuild the gazetteer index."""

from frontline.geo.build import main

raise SystemExit(main())
