from django.shortcuts import render

from ..taking_part import take_part_context


def take_part(request):
    return render(request, "participation/take_part.html", take_part_context(request))
