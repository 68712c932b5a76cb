"""plan272: consistency checks for a public IT investment plan (Plan 272/KH-UBND, Thanh Hóa)."""

__version__ = "0.1.0"
