from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from pm_origins.web.accounts import exports, menu, services
from pm_origins.web.accounts.forms import DeleteAccountForm, LoginForm, SignupForm
from pm_origins.web.accounts.http import AuthenticatedRequest
from pm_origins.web.core.net import client_ip

SIGNUP_SESSION_KEY = "accounts.signup_pending"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:account")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.account_signup(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            site_url=_site_url(request),
            ip=client_ip(request),
        )
        # Only the browser that chose an account's password is logged in by its link;
        # the session is written either way, so every answer sets the same cookie.
        remembered = user.pk if user else request.session.get(SIGNUP_SESSION_KEY)
        request.session[SIGNUP_SESSION_KEY] = remembered
        return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


@require_safe
def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")


@never_cache
@require_safe
def signup_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    try:
        user = services.account_confirm(uidb64=uidb64, token=token)
    except services.AccountError as error:
        context = {"message": error.message}
        return render(request, "accounts/signup_invalid.html", context, status=400)
    if request.session.get(SIGNUP_SESSION_KEY) == user.pk:
        login(request, user, backend=BACKEND)
        messages.success(request, "Your account is confirmed and you are logged in.")
        return redirect("accounts:account")
    messages.success(request, "Your account is confirmed. Log in with your e-mail and password.")
    return redirect("accounts:login")


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form; the mail goes through the throttled task queue."""

    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        services.password_reset_request(
            email=form.cleaned_data["email"],
            site_url=_site_url(self.request),
            ip=client_ip(self.request),
        )
        return redirect(self.get_success_url())


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    context = {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")}
    if request.method == "POST" and form.is_valid():
        try:
            user = services.login_check(
                request=request,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                ip=client_ip(request),
            )
        except services.LoginThrottled as error:
            response = render(
                request, "accounts/login.html", {**context, "error": error.message}, status=429
            )
            response["Retry-After"] = str(error.retry_after)
            return response
        except services.AccountError as error:
            context["error"] = error.message
        else:
            login(request, user, backend=BACKEND)
            return redirect(_next_url(request))
    return render(request, "accounts/login.html", context)


@require_http_methods(["POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


@never_cache
@login_required
@require_safe
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account.html", {"links": menu.links()})


@never_cache
@login_required
@require_safe
def export(request: AuthenticatedRequest) -> HttpResponse:
    data = exports.collect(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="pm-origins-my-data.json"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: AuthenticatedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=request.user, password=form.cleaned_data["password"])
        except services.AccountError as error:
            form.add_error("password", error.message)
        else:
            logout(request)
            messages.success(request, "Your account and everything in it have been deleted.")
            return redirect("assessments:home")
    return render(request, "accounts/delete.html", {"form": form})
