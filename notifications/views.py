"""Everyone's notification centre: newest first, unread marked; opening one marks it read."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import ListView

from . import selectors, services
from .models import Notification


class NotificationListView(LoginRequiredMixin, ListView):
    template_name = "notifications/list.html"
    context_object_name = "notifications"
    paginate_by = 25

    def get_queryset(self):
        return selectors.notifications_of(self.request.user)


class NotificationOpenView(LoginRequiredMixin, View):
    """POST: mark read and follow the notification's link (only ever a path inside the portal)."""

    def post(self, request, pk: int):
        try:
            notification = selectors.notifications_of(request.user).get(pk=pk)
        except Notification.DoesNotExist as error:
            raise Http404 from error
        services.mark_read(user=request.user, notification=notification)
        link = notification.link
        if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
            return redirect(link)
        return redirect("notifications:list")


class NotificationReadAllView(LoginRequiredMixin, View):
    def post(self, request):
        services.mark_all_read(user=request.user)
        return redirect("notifications:list")
