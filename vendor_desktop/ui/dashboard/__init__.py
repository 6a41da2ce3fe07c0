"""The workbench (工作台)."""
