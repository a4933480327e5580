"""Support lines as rows of one shape (issue 18): the new table, filled by 0003, before 0004 drops the old."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ministries', '0006_reference_measures'),
        ('tracking', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SupportLineRow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('values', models.JSONField(default=dict, verbose_name='values')),
                ('key', models.CharField(help_text="The line's key measures' values: one row per task and key.", max_length=400, verbose_name='identifying values')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('line', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='task_rows', to='ministries.supportlinekind', verbose_name='support line')),
                ('task', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='support_rows', to='tracking.selectedtask', verbose_name='task')),
            ],
            options={
                'verbose_name': 'support line row',
                'verbose_name_plural': 'support line rows',
                'ordering': ['task', 'line', 'pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='supportlinerow',
            constraint=models.UniqueConstraint(fields=('task', 'line', 'key'), name='support_row_once_per_key'),
        ),
    ]
