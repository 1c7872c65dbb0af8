"""Numbered migrations: 0001_initial, then 0002+ as later stages add tables."""
