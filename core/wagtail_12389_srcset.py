"""Workaround for wagtail/wagtail#12389 (fix proposed in wagtail/wagtail#13837, open): delete
this module and its call in core/apps.py once the Wagtail in use has the fix.

``{% srcset_image %}`` and ``{% picture %}`` list every rendition asked for with its width. A
picture narrower than the widths asked for is never enlarged, so several renditions come out
the same width (a 100-pixel upload asked for 480, 800 and 1200 gives three "100w"), and a
srcset with the same width twice is invalid HTML (the Nu checker refuses it; browsers keep one
at random). Editors upload small pictures, so this patch keeps the first rendition of each
width, as the upstream fix does.
"""

from wagtail.images.models import ResponsiveImage


def _distinct_width_srcset(cls, renditions_list):
    if len(renditions_list) == 1:
        return renditions_list[0].url  # as upstream: one image needs no width descriptor
    first_of_each_width = {}
    for rendition in renditions_list:
        first_of_each_width.setdefault(rendition.width, rendition)
    return ", ".join(
        f"{rendition.url} {width}w" for width, rendition in first_of_each_width.items()
    )


def apply():
    ResponsiveImage.get_width_srcset = classmethod(_distinct_width_srcset)
