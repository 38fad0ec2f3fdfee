"""Illustrations for the demo booklet, drawn in code with Pillow: shapes and colours only,
so one picture serves both languages (each language has its own alt text)."""

import io
import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 800
INK = (27, 27, 27)
WHITE = (255, 255, 255)
BLUE = (11, 79, 138)
SKY = (204, 228, 247)
SUN = (255, 191, 71)
GREEN = (46, 139, 87)
PINK = (233, 120, 150)
RED = (179, 38, 30)
CREAM = (255, 247, 224)


def canvas(background):
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    return image, ImageDraw.Draw(image)


def phone(draw, x, y, w=300, h=540, screen=WHITE):
    draw.rounded_rectangle((x, y, x + w, y + h), radius=40, fill=INK)
    draw.rounded_rectangle((x + 18, y + 50, x + w - 18, y + h - 50), radius=14, fill=screen)
    draw.ellipse((x + w / 2 - 14, y + h - 40, x + w / 2 + 14, y + h - 12), fill=(90, 90, 90))


def bubble(draw, box, colour, tail_left=True):
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=36, fill=colour)
    if tail_left:
        draw.polygon([(x0 + 40, y1 - 4), (x0 + 10, y1 + 44), (x0 + 90, y1 - 4)], fill=colour)
    else:
        draw.polygon([(x1 - 40, y1 - 4), (x1 - 10, y1 + 44), (x1 - 90, y1 - 4)], fill=colour)
    for i in range(3):
        cx = x0 + (x1 - x0) * (i + 1) / 4
        cy = (y0 + y1) / 2
        draw.ellipse((cx - 14, cy - 14, cx + 14, cy + 14), fill=WHITE)


def padlock(draw, cx, cy, size=1.0, colour=SUN):
    w, h = 220 * size, 170 * size
    draw.arc(
        (cx - 80 * size, cy - 170 * size, cx + 80 * size, cy + 10 * size),
        180,
        360,
        fill=INK,
        width=int(28 * size),
    )
    draw.line((cx - 80 * size, cy - 80 * size, cx - 80 * size, cy), fill=INK, width=int(28 * size))
    draw.line((cx + 80 * size, cy - 80 * size, cx + 80 * size, cy), fill=INK, width=int(28 * size))
    draw.rounded_rectangle((cx - w / 2, cy - 10, cx + w / 2, cy + h), radius=24, fill=colour)
    draw.ellipse((cx - 20 * size, cy + 40 * size, cx + 20 * size, cy + 80 * size), fill=INK)
    draw.rectangle((cx - 8 * size, cy + 70 * size, cx + 8 * size, cy + 120 * size), fill=INK)


def heart(draw, cx, cy, r, colour=PINK):
    draw.ellipse((cx - 2 * r, cy - r, cx, cy + r), fill=colour)
    draw.ellipse((cx, cy - r, cx + 2 * r, cy + r), fill=colour)
    draw.polygon(
        [(cx - 2 * r + 6, cy + r / 3), (cx + 2 * r - 6, cy + r / 3), (cx, cy + 2.3 * r)],
        fill=colour,
    )


def person(draw, cx, cy, colour):
    draw.ellipse((cx - 50, cy - 170, cx + 50, cy - 70), fill=colour)
    draw.rounded_rectangle((cx - 80, cy - 60, cx + 80, cy + 140), radius=60, fill=colour)


def internet_is_good():
    image, draw = canvas(SKY)
    draw.ellipse((420, 170, 780, 530), fill=BLUE)
    for offset in (-120, 0, 120):
        draw.arc((480 + offset / 2, 170, 720 - offset / 2, 530), 0, 360, fill=SKY, width=10)
    draw.line((420, 350, 780, 350), fill=SKY, width=10)
    points = [(180, 160), (1020, 180), (160, 620), (1040, 600), (600, 720)]
    colours = [SUN, GREEN, PINK, SUN, GREEN]
    for (x, y), colour in zip(points, colours, strict=True):
        draw.line((x, y, 600, 350), fill=WHITE, width=8)
        draw.ellipse((x - 60, y - 60, x + 60, y + 60), fill=colour)
    draw.ellipse((420, 170, 780, 530), outline=INK, width=8)
    return image


def privacy():
    image, draw = canvas(CREAM)
    phone(draw, 200, 130)
    padlock(draw, 350, 380, size=0.9)
    padlock(draw, 820, 420, size=1.4, colour=GREEN)
    return image


def people_online():
    image, draw = canvas((232, 240, 250))
    person(draw, 240, 520, GREEN)
    person(draw, 960, 520, BLUE)
    bubble(draw, (330, 120, 680, 280), SUN)
    bubble(draw, (560, 330, 880, 470), PINK, tail_left=False)
    draw.text((720, 170), "?", fill=INK, font_size=150)
    return image


def sharing_images():
    image, draw = canvas((240, 232, 250))
    phone(draw, 160, 130, screen=SKY)
    draw.polygon([(200, 560), (300, 420), (400, 560)], fill=GREEN)
    draw.ellipse((330, 250, 400, 320), fill=SUN)
    for i, x in enumerate((600, 760, 920)):
        y = 220 + i * 90
        draw.rounded_rectangle((x, y, x + 200, y + 150), radius=16, fill=SKY, outline=INK, width=6)
        draw.polygon([(x + 20, y + 130), (x + 80, y + 60), (x + 140, y + 130)], fill=GREEN)
    draw.line((470, 400, 580, 300), fill=INK, width=10)
    draw.polygon([(590, 290), (550, 300), (575, 330)], fill=INK)
    return image


def something_wrong():
    image, draw = canvas((250, 236, 236))
    draw.polygon([(600, 110), (860, 560), (340, 560)], fill=SUN, outline=INK)
    draw.rounded_rectangle((580, 240, 620, 440), radius=18, fill=INK)
    draw.ellipse((578, 470, 622, 514), fill=INK)
    heart(draw, 200, 600, 70)
    heart(draw, 1000, 600, 70, colour=GREEN)
    return image


def how_to_report():
    image, draw = canvas((226, 244, 234))
    draw.polygon([(360, 320), (720, 160), (720, 620), (360, 470)], fill=BLUE)
    draw.rounded_rectangle((260, 300, 380, 490), radius=20, fill=INK)
    draw.rectangle((420, 470, 500, 650), fill=INK)
    for i in range(3):
        r = 90 + i * 80
        draw.arc((720 - r, 390 - r, 720 + r, 390 + r), -40, 40, fill=RED, width=18)
    draw.line((990, 140, 990, 640), fill=INK, width=16)
    draw.polygon([(998, 150), (1130, 200), (998, 260)], fill=RED)
    return image


def cover():
    image, draw = canvas(BLUE)
    phone(draw, 450, 130, screen=SKY)
    heart(draw, 600, 300, 50)
    bubble(draw, (120, 140, 380, 270), SUN, tail_left=False)
    bubble(draw, (820, 420, 1090, 560), GREEN)
    padlock(draw, 220, 500, size=0.8, colour=WHITE)
    for angle in range(0, 360, 45):
        x = 980 + 90 * math.cos(math.radians(angle))
        y = 200 + 90 * math.sin(math.radians(angle))
        draw.line((980, 200, x, y), fill=SUN, width=10)
    draw.ellipse((920, 140, 1040, 260), fill=SUN)
    return image


DRAWINGS = {
    "cover": cover,
    "internet": internet_is_good,
    "privacy": privacy,
    "people": people_online,
    "images": sharing_images,
    "wrong": something_wrong,
    "report": how_to_report,
}


def png_bytes(key):
    buffer = io.BytesIO()
    DRAWINGS[key]().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
