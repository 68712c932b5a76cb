"""plan272: consistency checks for a public IT investment plan of the kind Vietnamese provinces
issue (IT in state agencies, digital government, information security), described by its data."""

__version__ = "0.1.0"
