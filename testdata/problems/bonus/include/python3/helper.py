"""Included with every Python submission."""
import os


def read_pair():
    a, b = map(int, input().split())
    return a, b


def bonus():
    if not os.path.exists("{{bonus_file}}"):
        return 0
    with open("{{bonus_file}}") as f:
        return int(f.read())
