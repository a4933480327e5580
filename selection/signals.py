"""What the selection tells the apps that build on it, so they follow without the selection knowing them."""
from django.dispatch import Signal

# Sent inside the transaction that confirms a run (``run``): its result is final.
run_confirmed = Signal()
