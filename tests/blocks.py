"""A StreamField body with one of every shared block, for rendering and accessibility tests."""


def every_shared_block(image, document, link_url="https://example.org/"):
    return [
        {"type": "heading", "value": {"text": "A section", "level": "h2"}},
        {"type": "rich_text", "value": "<p>Some <b>bold</b> words.</p>"},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Children drumming in a circle",
                "caption": "A drumming workshop",
                "credit": "",
            },
        },
        {
            "type": "quote",
            "value": {
                "quote": "Arts are for everyone.",
                "attribution": "A teacher",
                "role": "Leicester",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Join us",
                "text": "Sign up today.",
                "link": {"text": "Sign up", "page": None, "url": link_url},
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {
            "type": "video",
            "value": {
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": "The pilot in two minutes",
                "poster": None,
                "transcript": "<p>Words spoken in the video.</p>",
            },
        },
        # The whole UK's activities on offer, shown with the date it was worked out.
        {
            "type": "live_figure",
            "value": {"figure": "activities-on-offer", "area": "", "art_form": ""},
        },
    ]
