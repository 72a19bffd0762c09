"""Reading a Slack message back: its blocks by type, and all the text it shows."""

from typing import Any


def of_type(blocks: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [block for block in blocks if block["type"] == kind]


def texts(block: dict[str, Any]) -> list[str]:
    """Every text a block shows: its text, fields, context elements and button labels."""
    found = [block["text"]["text"]] if "text" in block else []
    found += [field["text"] for field in block.get("fields", [])]
    for element in block.get("elements", []):
        found.append(element["text"]["text"] if isinstance(element.get("text"), dict) else element.get("text", ""))
    return found


def shown(message: dict[str, Any]) -> str:
    """All the text of a message: the fallback and every block's."""
    return "\n".join([message["text"], *(text for block in message["blocks"] for text in texts(block))])
