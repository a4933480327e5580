"""Backup and restore of everything the portal keeps: the PostgreSQL database and the uploads.

A backup is one tar archive (written to a file or to standard output, so `docker compose exec -T web ...
> backup.tar` works): ``manifest.json`` (when, which database, how many files), ``database.dump`` (pg_dump's
custom format, restorable into a database of any name and owner) and ``uploads/`` (the upload root as it is).
The database is dumped in one snapshot; uploads are written under generated names and never rewritten, so a
file the dump refers to is in the archive unless it was deleted while the backup ran.
"""
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from django.core.exceptions import ImproperlyConfigured

FORMAT = 1
DUMP, MANIFEST, UPLOADS = "database.dump", "manifest.json", "uploads"


def postgres_command(program: str, database: dict, *arguments: str) -> tuple[list[str], dict]:
    """``(argv, env)`` to run a PostgreSQL client program against ``database`` (a Django DATABASES entry).

    Raises ImproperlyConfigured for a database that is not PostgreSQL or when the program is not installed.
    """
    if "postgresql" not in database["ENGINE"]:
        raise ImproperlyConfigured("Backup and restore need PostgreSQL (DATABASE_URL=postgres://...).")
    if not shutil.which(program):
        raise ImproperlyConfigured(f"{program} is not installed (Debian: postgresql-client).")
    environment = {**os.environ, "PGDATABASE": database["NAME"]}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if database.get(key):
            environment[variable] = str(database[key])
    return [program, *arguments], environment


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, BytesIO(content))


def write_backup(output: BinaryIO, *, database: dict, upload_root: Path) -> dict:
    """Write the archive to ``output`` and return its manifest. Raises CalledProcessError if pg_dump fails."""
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as work:
        dump = Path(work) / DUMP
        argv, environment = postgres_command("pg_dump", database, "--format=custom", "--no-owner",
                                             "--no-privileges", f"--file={dump}")
        subprocess.run(argv, env=environment, check=True, capture_output=True)  # noqa: S603 (fixed programs)
        files = [path for path in upload_root.rglob("*") if path.is_file()] if upload_root.exists() else []
        manifest = {"format": FORMAT, "created": datetime.now(UTC).isoformat(), "database": database["NAME"],
                    "database_bytes": dump.stat().st_size, "upload_files": len(files)}
        with tarfile.open(fileobj=output, mode="w|") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
            archive.add(dump, arcname=DUMP)
            for path in files:
                archive.add(path, arcname=f"{UPLOADS}/{path.relative_to(upload_root).as_posix()}")
    return manifest


def restore_backup(source: BinaryIO, *, database: dict, upload_root: Path) -> dict:
    """Restore an archive from ``source`` into ``database`` and ``upload_root``; return its manifest.

    The database's existing tables are replaced (``pg_restore --clean --if-exists``, in one transaction, so a
    failed restore leaves the database as it was); the backup's files are written into the upload root.
    Raises ValueError for an archive that is not a portal backup, CalledProcessError if pg_restore fails.
    """
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
        unpacked = Path(work)
        with tarfile.open(fileobj=source, mode="r|") as archive:
            archive.extractall(unpacked, filter="data")
        if not (unpacked / MANIFEST).is_file() or not (unpacked / DUMP).is_file():
            raise ValueError("Not a portal backup: manifest.json or database.dump is missing.")
        manifest = json.loads((unpacked / MANIFEST).read_text())
        if manifest.get("format") != FORMAT:
            raise ValueError(f"Unknown backup format {manifest.get('format')!r}.")
        argv, environment = postgres_command("pg_restore", database, "--clean", "--if-exists", "--no-owner",
                                             "--no-privileges", "--single-transaction", "--exit-on-error",
                                             f"--dbname={database['NAME']}", str(unpacked / DUMP))
        subprocess.run(argv, env=environment, check=True, capture_output=True)  # noqa: S603 (fixed programs)
        if (unpacked / UPLOADS).is_dir():
            shutil.copytree(unpacked / UPLOADS, upload_root, dirs_exist_ok=True)
    return manifest
