/* qs-plan-check.c: the check of an open district plan, without widgets. */
#define G_LOG_DOMAIN "qs-plan-check"

#include "config.h"

#include "qs-catalog.h"
#include "qs-linker.h"
#include "qs-plan-check.h"
#include "qs-requirement.h"

QsPlan *
qs_plan_check_find_municipal (QsPlan       *district,
                              QsWorkspace  *workspace,
                              GError      **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  int start = qs_plan_get_start_year (district);
  int end = qs_plan_get_end_year (district);
  int length = end - start;
  gint64 best = 0;
  gboolean best_equal = FALSE;

  g_return_val_if_fail (QS_IS_PLAN (district), NULL);
  g_return_val_if_fail (QS_IS_WORKSPACE (workspace), NULL);

  plans = qs_workspace_list_plans (workspace, error);
  if (plans == NULL)
    return NULL;

  for (guint i = 0; i < plans->len; i++)
    {
      QsPlanSummary *summary = g_ptr_array_index (plans, i);
      gboolean equal, before;

      if (summary->level != QS_PLAN_LEVEL_MUNICIPAL)
        continue;
      equal = summary->start_year == start && summary->end_year == end;
      /* The period before ends where this one starts (2016–2020, then
       * 2021–2025) and is as long. */
      before = summary->end_year + 1 == start &&
               summary->end_year - summary->start_year == length;
      if (equal && !best_equal)
        {
          best = summary->id;
          best_equal = TRUE;
        }
      else if (before && best == 0)
        best = summary->id;
    }

  if (best == 0)
    return NULL;
  return qs_workspace_load_plan (workspace, best, error);
}

QsCatalog *
qs_plan_check_load_catalog (QsWorkspace  *workspace,
                            GError      **error)
{
  g_return_val_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace), NULL);

  /* The user's own aliases (rows linked by hand) count in the check. */
  if (workspace != NULL)
    return qs_workspace_load_catalog (workspace, error);
  return qs_catalog_new_default (error);
}

QsCheck *
qs_plan_check_run_against (QsPlan    *district,
                           QsPlan    *municipal,
                           QsCatalog *catalog)
{
  QsCheck *check;

  g_return_val_if_fail (QS_IS_PLAN (district), NULL);
  g_return_val_if_fail (municipal == NULL || QS_IS_PLAN (municipal), NULL);
  g_return_val_if_fail (QS_IS_CATALOG (catalog), NULL);

  check = qs_check_new (catalog);
  if (municipal != NULL)
    {
      GListStore *requirements = qs_plan_get_requirements (municipal);

      /* The municipal plan is the caller's copy: linking it is free.  The
       * district is left alone (the check matches unlinked rows by name)
       * so that checking never marks the open plan modified. */
      qs_linker_link_plan (catalog, municipal, QS_LINK_DEFAULT, NULL);
      if (g_list_model_get_n_items (G_LIST_MODEL (requirements)) > 0)
        qs_check_set_requirements (check, G_LIST_MODEL (requirements));
    }
  qs_check_run (check, district, municipal);
  return check;
}

QsCheck *
qs_plan_check_run (QsPlan       *district,
                   QsWorkspace  *workspace,
                   gboolean     *has_municipal,
                   GError      **error)
{
  g_autoptr(QsCatalog) catalog = NULL;
  g_autoptr(QsPlan) municipal = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (QS_IS_PLAN (district), NULL);
  g_return_val_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace), NULL);

  if (has_municipal != NULL)
    *has_municipal = FALSE;

  catalog = qs_plan_check_load_catalog (workspace, error);
  if (catalog == NULL)
    return NULL;

  if (workspace != NULL)
    {
      municipal = qs_plan_check_find_municipal (district, workspace, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  if (has_municipal != NULL)
    *has_municipal = municipal != NULL;

  return qs_plan_check_run_against (district, municipal, catalog);
}
