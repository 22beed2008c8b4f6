from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from pm_origins.web.accounts.http import AuthenticatedRequest
from pm_origins.web.api import services
from pm_origins.web.api.forms import TokenForm
from pm_origins.web.api.models import ApiToken


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def tokens(request: AuthenticatedRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = services.token_create(user=request.user, name=form.cleaned_data["name"])
        except services.ApiTokenError as error:
            form.add_error("name", error.message)
        else:
            # The secret is shown on this response only; it is not stored anywhere.
            form = TokenForm()
            messages.success(
                request, f"Token “{token.name}” created. Copy it now: it will not be shown again."
            )
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "secret": secret,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
    )


@never_cache
@login_required
@require_POST
def revoke(request: AuthenticatedRequest, token_id: int) -> HttpResponse:
    if not services.token_revoke(user=request.user, token_id=token_id):
        raise Http404("No such token")
    messages.success(request, "The token is revoked; requests with it are refused from now on.")
    return redirect("api:tokens")
