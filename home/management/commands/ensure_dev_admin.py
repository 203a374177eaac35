"""Make sure a local administrator exists, and say how to sign in. Development only."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"  # noqa: S105 - a local development account, refused outside DEBUG


class Command(BaseCommand):
    help = "Create the local development admin account (admin / admin) if it is missing."

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")

    def handle(self, *args, port, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_dev_admin only runs with DEBUG on: it creates a well-known password."
            )
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            User.objects.create_superuser(USERNAME, "admin@localhost", PASSWORD)
            self.stdout.write("Created the development admin account.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Sign in at http://127.0.0.1:{port}/admin/ as {USERNAME} / {PASSWORD} "
                "(local development only)."
            )
        )
        from regions.regions import REGIONS

        for region in REGIONS:
            self.stdout.write(f"{region.name}: http://{region.hostname}:{port}/")
