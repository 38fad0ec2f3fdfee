# One style for every date: "21 de novembro de 2026" (month names in lower case come
# from the site's catalogue, see website/formats/__init__.py).
DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
