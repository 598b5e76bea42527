// Replaced by the demo cluster implementation (issue 3).
