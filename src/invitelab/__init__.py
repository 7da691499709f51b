"""InviteLab: score a LinkedIn connection invitation against the recipient's profile."""
__version__ = "0.1.0"
