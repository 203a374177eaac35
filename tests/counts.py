"""Row counts, for tests that a set-up command run again adds nothing."""


def row_counts(*models):
    return tuple(model.objects.count() for model in models)
