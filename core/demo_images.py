"""Illustrations for demo content, drawn by the program so no photograph (and no real child)
is ever part of the demo. Each picture is deterministic for its seed."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

PALETTES = [
    ["#1d3557", "#e63946", "#f1faee", "#a8dadc", "#457b9d"],
    ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"],
    ["#3d405b", "#e07a5f", "#f4f1de", "#81b29a", "#f2cc8f"],
    ["#22223b", "#4a4e69", "#9a8c98", "#c9ada7", "#f2e9e4"],
]


def draw_abstract_picture(seed, size=(1200, 800)):
    """Overlapping circles, bands and triangles: colourful, clearly an illustration."""
    rng = random.Random(seed)
    palette = rng.choice(PALETTES)
    picture = Image.new("RGB", size, palette[0])
    pen = ImageDraw.Draw(picture)
    width, height = size
    for _ in range(6):
        top = rng.randint(0, height)
        pen.rectangle([0, top, width, top + rng.randint(20, 120)], fill=rng.choice(palette[1:]))
    for _ in range(9):
        radius = rng.randint(40, 220)
        x, y = rng.randint(0, width), rng.randint(0, height)
        pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(palette))
    for _ in range(4):
        points = [(rng.randint(0, width), rng.randint(0, height)) for _ in range(3)]
        pen.polygon(points, fill=rng.choice(palette[1:]))
    return picture


def demo_image_file(seed, filename, size=(1200, 800)):
    buffer = io.BytesIO()
    draw_abstract_picture(seed, size).save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return ImageFile(buffer, name=filename)


def get_or_create_demo_image(title, seed, credit="Illustration: Arts Backpack"):
    """The demo image with this title, drawn once; later runs reuse it."""
    from core.models import SiteImage

    image = SiteImage.objects.filter(title=title).first()
    if image is None:
        image = SiteImage(title=title, credit=credit)
        image.file = demo_image_file(seed, f"demo-{seed}.png")
        image.save()
    return image
