/* qs-check-finding.c: one finding of the check of a district plan. */
#include "config.h"

#define G_LOG_DOMAIN "qs-check-finding"

#include <string.h>

#include "qs-check-finding.h"
#include "qs-types.h"

/* The text fields are kept in one array indexed by property id, so one
 * getter/setter pair serves them all (as QsIndicatorRow does). */
enum {
  PROP_0,
  PROP_TABLE_LABEL,
  PROP_INDICATOR_ID,
  PROP_INDICATOR_NAME,
  PROP_TARGET,
  PROP_BASELINE,
  PROP_REQUIRED,
  PROP_REASON,
  N_TEXT_PROPS,
  PROP_SCOPE = N_TEXT_PROPS,
  PROP_STATUS,
  PROP_COMPLETION,
  PROP_CLAIMED,
  PROP_ROW_INDEX,
  N_PROPS
};

struct _QsCheckFinding
{
  GObject            parent_instance;
  QsFindingScope     scope;
  QsCheckStatus      status;
  QsPlanFindingKind  plan_kind;
  QsCompletion       completion;
  QsCompletion       claimed;
  int                row_index;
  QsIndicatorRow    *row;
  QsRequirement     *requirement;
  char              *texts[N_TEXT_PROPS];
};

G_DEFINE_FINAL_TYPE (QsCheckFinding, qs_check_finding, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = {
  "meets", "falls-short", "weaker-than-baseline", "pending", "not-comparable", "no-requirement",
};

static const char * const status_labels[] = {
  "符合", "未达要求", "弱于基准", "待下达", "不可比", "无要求",
};

static const char * const plan_kind_names[] = {
  "missing-indicator", "unlinked-rows", "period-differs", "no-target-table", "no-district",
};

static const char * const completion_names[] = { "unknown", "met", "not-met" };
static const char * const completion_labels[] = { "无法判断", "完成", "未完成" };

const char *
qs_check_status_to_string (QsCheckStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

const char *
qs_check_status_label (QsCheckStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return status_labels[status];
}

const char *
qs_plan_finding_kind_to_string (QsPlanFindingKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (plan_kind_names), NULL);
  return plan_kind_names[kind];
}

const char *
qs_completion_to_string (QsCompletion completion)
{
  g_return_val_if_fail ((guint) completion < G_N_ELEMENTS (completion_names), NULL);
  return completion_names[completion];
}

const char *
qs_completion_label (QsCompletion completion)
{
  g_return_val_if_fail ((guint) completion < G_N_ELEMENTS (completion_labels), NULL);
  return completion_labels[completion];
}

QsCompletion
qs_completion_parse_claim (const char *text)
{
  static const char * const negative[] = { "未", "否", "没有", "不达标", "不合格", "滞后" };
  static const char * const positive[] = { "完成", "是", "达到", "满足", "达标", "实现", "合格", "已" };
  g_autofree char *flat = NULL;

  if (text == NULL)
    return QS_COMPLETION_UNKNOWN;
  flat = qs_text_strip_spaces (text);
  /* Negative words first: 未完成 contains 完成. */
  for (guint i = 0; i < G_N_ELEMENTS (negative); i++)
    if (strstr (flat, negative[i]) != NULL)
      return QS_COMPLETION_NOT_MET;
  for (guint i = 0; i < G_N_ELEMENTS (positive); i++)
    if (strstr (flat, positive[i]) != NULL)
      return QS_COMPLETION_MET;
  return QS_COMPLETION_UNKNOWN;
}

static void
set_text (QsCheckFinding *self,
          guint           prop_id,
          const char     *text)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  if (qs_set_str (&self->texts[prop_id], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
qs_check_finding_finalize (GObject *object)
{
  QsCheckFinding *self = QS_CHECK_FINDING (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_object (&self->row);
  g_clear_object (&self->requirement);
  G_OBJECT_CLASS (qs_check_finding_parent_class)->finalize (object);
}

static void
qs_check_finding_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QsCheckFinding *self = QS_CHECK_FINDING (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    {
      g_value_set_string (value, self->texts[prop_id]);
      return;
    }
  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_int (value, self->scope);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_COMPLETION:
      g_value_set_int (value, self->completion);
      break;
    case PROP_CLAIMED:
      g_value_set_int (value, self->claimed);
      break;
    case PROP_ROW_INDEX:
      g_value_set_int (value, self->row_index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_check_finding_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QsCheckFinding *self = QS_CHECK_FINDING (object);

  if (prop_id == PROP_SCOPE)
    self->scope = g_value_get_int (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
qs_check_finding_class_init (QsCheckFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const text_names[N_TEXT_PROPS] = {
    NULL, "table-label", "indicator-id", "indicator-name", "target", "baseline", "required", "reason",
  };
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qs_check_finding_finalize;
  object_class->get_property = qs_check_finding_get_property;
  object_class->set_property = qs_check_finding_set_property;

  for (guint i = 1; i < N_TEXT_PROPS; i++)
    properties[i] = g_param_spec_string (text_names[i], NULL, NULL, NULL, read_only);
  properties[PROP_SCOPE] =
    g_param_spec_int ("scope", NULL, NULL, QS_FINDING_ROW, QS_FINDING_COMPLETION, QS_FINDING_ROW,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, QS_CHECK_MEETS, QS_CHECK_NO_REQUIREMENT,
                      QS_CHECK_NO_REQUIREMENT, read_only);
  properties[PROP_COMPLETION] =
    g_param_spec_int ("completion", NULL, NULL, QS_COMPLETION_UNKNOWN, QS_COMPLETION_NOT_MET,
                      QS_COMPLETION_UNKNOWN, read_only);
  properties[PROP_CLAIMED] =
    g_param_spec_int ("claimed", NULL, NULL, QS_COMPLETION_UNKNOWN, QS_COMPLETION_NOT_MET,
                      QS_COMPLETION_UNKNOWN, read_only);
  properties[PROP_ROW_INDEX] = g_param_spec_int ("row-index", NULL, NULL, -1, G_MAXINT, -1, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_check_finding_init (QsCheckFinding *self)
{
  self->status = QS_CHECK_NO_REQUIREMENT;
  self->row_index = -1;
}

QsCheckFinding *
qs_check_finding_new (QsFindingScope scope)
{
  return g_object_new (QS_TYPE_CHECK_FINDING, "scope", scope, NULL);
}

QsFindingScope
qs_check_finding_get_scope (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), QS_FINDING_ROW);
  return self->scope;
}

QsCheckStatus
qs_check_finding_get_status (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), QS_CHECK_NO_REQUIREMENT);
  return self->status;
}

void
qs_check_finding_set_status (QsCheckFinding *self,
                             QsCheckStatus   status)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

QsPlanFindingKind
qs_check_finding_get_plan_kind (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), QS_PLAN_FINDING_MISSING_INDICATOR);
  return self->plan_kind;
}

void
qs_check_finding_set_plan_kind (QsCheckFinding    *self,
                                QsPlanFindingKind  kind)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  self->plan_kind = kind;
}

QsCompletion
qs_check_finding_get_completion (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), QS_COMPLETION_UNKNOWN);
  return self->completion;
}

void
qs_check_finding_set_completion (QsCheckFinding *self,
                                 QsCompletion    completion)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  if (self->completion == completion)
    return;
  self->completion = completion;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETION]);
}

QsCompletion
qs_check_finding_get_claimed (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), QS_COMPLETION_UNKNOWN);
  return self->claimed;
}

void
qs_check_finding_set_claimed (QsCheckFinding *self,
                              QsCompletion    claimed)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  if (self->claimed == claimed)
    return;
  self->claimed = claimed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIMED]);
}

gboolean
qs_check_finding_get_disagrees (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), FALSE);
  return self->completion != QS_COMPLETION_UNKNOWN && self->claimed != QS_COMPLETION_UNKNOWN &&
         self->completion != self->claimed;
}

const char *
qs_check_finding_get_table_label (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->texts[PROP_TABLE_LABEL];
}

int
qs_check_finding_get_row_index (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), -1);
  return self->row_index;
}

QsIndicatorRow *
qs_check_finding_get_row (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->row;
}

void
qs_check_finding_set_location (QsCheckFinding *self,
                               const char     *table_label,
                               int             row_index,
                               QsIndicatorRow *row)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  set_text (self, PROP_TABLE_LABEL, table_label);
  if (self->row_index != row_index)
    {
      self->row_index = row_index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_INDEX]);
    }
  g_set_object (&self->row, row);
}

const char *
qs_check_finding_get_indicator_id (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->texts[PROP_INDICATOR_ID];
}

const char *
qs_check_finding_get_indicator_name (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->texts[PROP_INDICATOR_NAME];
}

void
qs_check_finding_set_indicator (QsCheckFinding *self,
                                const char     *id,
                                const char     *name)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  set_text (self, PROP_INDICATOR_ID, id);
  set_text (self, PROP_INDICATOR_NAME, name);
}

const char *
qs_check_finding_get_target (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->texts[PROP_TARGET];
}

const char *
qs_check_finding_get_baseline (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->texts[PROP_BASELINE];
}

void
qs_check_finding_set_figures (QsCheckFinding *self,
                              const char     *target,
                              const char     *baseline)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  set_text (self, PROP_TARGET, target);
  set_text (self, PROP_BASELINE, baseline);
}

QsRequirement *
qs_check_finding_get_requirement (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->requirement;
}

void
qs_check_finding_set_requirement (QsCheckFinding *self,
                                  QsRequirement  *requirement)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  g_set_object (&self->requirement, requirement);
}

const char *
qs_check_finding_get_required (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->texts[PROP_REQUIRED];
}

void
qs_check_finding_set_required (QsCheckFinding *self,
                               const char     *required)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  set_text (self, PROP_REQUIRED, required);
}

const char *
qs_check_finding_get_reason (QsCheckFinding *self)
{
  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);
  return self->texts[PROP_REASON];
}

void
qs_check_finding_set_reason (QsCheckFinding *self,
                             const char     *reason)
{
  g_return_if_fail (QS_IS_CHECK_FINDING (self));
  set_text (self, PROP_REASON, reason);
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

JsonNode *
qs_check_finding_to_json (QsCheckFinding *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (QS_IS_CHECK_FINDING (self), NULL);

  json_builder_begin_object (b);
  switch (self->scope)
    {
    case QS_FINDING_ROW:
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, qs_check_status_to_string (self->status));
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, qs_check_status_label (self->status));
      break;
    case QS_FINDING_PLAN:
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, qs_plan_finding_kind_to_string (self->plan_kind));
      break;
    case QS_FINDING_COMPLETION:
      json_builder_set_member_name (b, "computed");
      json_builder_add_string_value (b, qs_completion_to_string (self->completion));
      json_builder_set_member_name (b, "claimed");
      json_builder_add_string_value (b, qs_completion_to_string (self->claimed));
      json_builder_set_member_name (b, "disagrees");
      json_builder_add_boolean_value (b, qs_check_finding_get_disagrees (self));
      break;
    default:
      g_assert_not_reached ();
    }
  if (self->scope != QS_FINDING_PLAN || self->texts[PROP_TABLE_LABEL] != NULL)
    {
      add_string_or_null (b, "table", self->texts[PROP_TABLE_LABEL]);
      json_builder_set_member_name (b, "row");
      if (self->row_index >= 0)
        json_builder_add_int_value (b, self->row_index);
      else
        json_builder_add_null_value (b);
      add_string_or_null (b, "name", self->row ? qs_indicator_row_get_name (self->row) : NULL);
    }
  add_string_or_null (b, "indicator_id", self->texts[PROP_INDICATOR_ID]);
  add_string_or_null (b, "indicator", self->texts[PROP_INDICATOR_NAME]);
  if (self->scope != QS_FINDING_PLAN)
    {
      add_string_or_null (b, "target", self->texts[PROP_TARGET]);
      add_string_or_null (b, self->scope == QS_FINDING_COMPLETION ? "actual" : "baseline",
                          self->texts[PROP_BASELINE]);
    }
  add_string_or_null (b, "required", self->texts[PROP_REQUIRED]);
  add_string_or_null (b, "requirement_id",
                      self->requirement ? qs_requirement_get_id (self->requirement) : NULL);
  add_string_or_null (b, "reason", self->texts[PROP_REASON]);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
