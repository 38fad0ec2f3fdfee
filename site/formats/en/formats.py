# One style for every date, day first as in Portugal and the UK: "21 November 2026".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
