from django.core.management.base import BaseCommand

from backpack.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Erase booking requests' contact details and delete idle class backpacks, after the "
        "periods in BACKPACK_REQUEST_CONTACT_DAYS and BACKPACK_IDLE_DAYS. Run it daily."
    )

    def handle(self, *args, **options):
        done = apply_retention()
        self.stdout.write(
            f"Erased the contact details of {done['contacts_erased']} booking request(s); "
            f"deleted {done['deleted']} idle class backpack(s)."
        )
