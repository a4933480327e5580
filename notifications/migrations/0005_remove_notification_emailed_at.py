"""The e-mail's date and attempts now live on its delivery (0004 moved them there)."""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0004_deliveries_from_emailed_at'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='notification',
            name='email_attempts',
        ),
        migrations.RemoveField(
            model_name='notification',
            name='emailed_at',
        ),
    ]
