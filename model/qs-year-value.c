/* qs-year-value.c: one value of an indicator in one year. */
#define G_LOG_DOMAIN "qs-year-value"

#include "config.h"

#include "qs-year-value.h"

struct _QsYearValue
{
  GObject            parent_instance;
  char              *indicator_id;
  char              *indicator;
  char              *unit;
  int                year;
  int                base_year;
  char              *text;
  QsValue           *value;
  QsYearValueKind    kind;
  QsYearValueSource  source;
  char              *source_text;
  gboolean           accepted;
};

G_DEFINE_FINAL_TYPE (QsYearValue, qs_year_value, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDICATOR_ID,
  PROP_INDICATOR,
  PROP_YEAR,
  PROP_TEXT,
  PROP_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = { "actual", "target", "baseline", "requirement" };
static const char * const source_names[] = { "table", "prose", "user" };

static void
qs_year_value_finalize (GObject *object)
{
  QsYearValue *self = QS_YEAR_VALUE (object);

  g_clear_pointer (&self->indicator_id, g_free);
  g_clear_pointer (&self->indicator, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->value, qs_value_free);
  g_clear_pointer (&self->source_text, g_free);
  G_OBJECT_CLASS (qs_year_value_parent_class)->finalize (object);
}

static void
qs_year_value_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QsYearValue *self = QS_YEAR_VALUE (object);

  switch (prop_id)
    {
    case PROP_INDICATOR_ID:
      g_value_set_string (value, self->indicator_id);
      break;
    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_year_value_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QsYearValue *self = QS_YEAR_VALUE (object);

  switch (prop_id)
    {
    case PROP_INDICATOR_ID:
      qs_year_value_set_indicator_id (self, g_value_get_string (value));
      break;
    case PROP_INDICATOR:
      qs_year_value_set_indicator (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      qs_year_value_set_year (self, g_value_get_int (value));
      break;
    case PROP_TEXT:
      qs_year_value_set_text (self, g_value_get_string (value));
      break;
    case PROP_ACCEPTED:
      qs_year_value_set_accepted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_year_value_class_init (QsYearValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qs_year_value_finalize;
  object_class->get_property = qs_year_value_get_property;
  object_class->set_property = qs_year_value_set_property;

  properties[PROP_INDICATOR_ID] = g_param_spec_string ("indicator-id", NULL, NULL, NULL, flags);
  properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, "", flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_ACCEPTED] = g_param_spec_boolean ("accepted", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_year_value_init (QsYearValue *self)
{
  self->indicator = g_strdup ("");
  self->text = g_strdup ("");
  self->value = qs_value_parse ("");
}

/**
 * qs_year_value_new:
 *
 * A value of @indicator in @year; prose values start unaccepted.
 */
QsYearValue *
qs_year_value_new (const char        *indicator,
                   int                year,
                   const char        *text,
                   QsYearValueKind    kind,
                   QsYearValueSource  source)
{
  QsYearValue *self = g_object_new (QS_TYPE_YEAR_VALUE, NULL);

  qs_set_str (&self->indicator, indicator ? indicator : "");
  self->year = year;
  qs_year_value_set_text (self, text);
  self->kind = kind;
  self->source = source;
  self->accepted = source != QS_YEAR_VALUE_SOURCE_PROSE;
  return self;
}

QsYearValue *
qs_year_value_copy (QsYearValue *self)
{
  QsYearValue *copy;

  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), NULL);

  copy = qs_year_value_new (self->indicator, self->year, self->text, self->kind, self->source);
  copy->indicator_id = g_strdup (self->indicator_id);
  copy->unit = g_strdup (self->unit);
  copy->base_year = self->base_year;
  copy->source_text = g_strdup (self->source_text);
  copy->accepted = self->accepted;
  return copy;
}

const char *
qs_year_value_get_indicator_id (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), NULL);
  return self->indicator_id;
}

void
qs_year_value_set_indicator_id (QsYearValue *self,
                                const char  *id)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  if (id != NULL && *id == '\0')
    id = NULL;
  if (qs_set_str (&self->indicator_id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR_ID]);
}

const char *
qs_year_value_get_indicator (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), NULL);
  return self->indicator;
}

void
qs_year_value_set_indicator (QsYearValue *self,
                             const char  *indicator)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  if (qs_set_str (&self->indicator, indicator ? indicator : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR]);
}

const char *
qs_year_value_get_unit (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), NULL);
  return self->unit;
}

void
qs_year_value_set_unit (QsYearValue *self,
                        const char  *unit)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  if (unit != NULL && *unit == '\0')
    unit = NULL;
  qs_set_str (&self->unit, unit);
}

int
qs_year_value_get_year (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), 0);
  return self->year;
}

void
qs_year_value_set_year (QsYearValue *self,
                        int          year)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
qs_year_value_get_base_year (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), 0);
  return self->base_year;
}

void
qs_year_value_set_base_year (QsYearValue *self,
                             int          year)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  self->base_year = year;
}

const char *
qs_year_value_get_text (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), NULL);
  return self->text;
}

void
qs_year_value_set_text (QsYearValue *self,
                        const char  *text)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  if (!qs_set_str (&self->text, text ? text : ""))
    return;
  g_clear_pointer (&self->value, qs_value_free);
  self->value = qs_value_parse (self->text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const QsValue *
qs_year_value_get_value (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), NULL);
  return self->value;
}

QsYearValueKind
qs_year_value_get_kind (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), QS_YEAR_VALUE_ACTUAL);
  return self->kind;
}

void
qs_year_value_set_kind (QsYearValue     *self,
                        QsYearValueKind  kind)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  self->kind = kind;
}

QsYearValueSource
qs_year_value_get_source (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), QS_YEAR_VALUE_SOURCE_TABLE);
  return self->source;
}

void
qs_year_value_set_source (QsYearValue       *self,
                          QsYearValueSource  source)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  self->source = source;
}

const char *
qs_year_value_get_source_text (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), NULL);
  return self->source_text;
}

void
qs_year_value_set_source_text (QsYearValue *self,
                               const char  *text)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  qs_set_str (&self->source_text, text);
}

gboolean
qs_year_value_get_accepted (QsYearValue *self)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), FALSE);
  return self->accepted;
}

void
qs_year_value_set_accepted (QsYearValue *self,
                            gboolean     accepted)
{
  g_return_if_fail (QS_IS_YEAR_VALUE (self));
  accepted = !!accepted;
  if (self->accepted == accepted)
    return;
  self->accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTED]);
}

/**
 * qs_year_value_get_number:
 *
 * The figure to draw: the number of a NUMBER, the limit of a BOUND, the
 * low end of a RANGE.  Change statements and words have no position on a
 * value axis, so they return FALSE.
 */
gboolean
qs_year_value_get_number (QsYearValue *self,
                          double      *number)
{
  g_return_val_if_fail (QS_IS_YEAR_VALUE (self), FALSE);

  switch (self->value->kind)
    {
    case QS_VALUE_NUMBER:
    case QS_VALUE_BOUND:
    case QS_VALUE_RANGE:
      if (number)
        *number = self->value->number;
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
qs_year_value_kind_to_string (QsYearValueKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
qs_year_value_kind_from_string (const char      *str,
                                QsYearValueKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (str, kind_names[i]))
      {
        *kind = (QsYearValueKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
qs_year_value_source_to_string (QsYearValueSource source)
{
  g_return_val_if_fail ((guint) source < G_N_ELEMENTS (source_names), NULL);
  return source_names[source];
}

gboolean
qs_year_value_source_from_string (const char        *str,
                                  QsYearValueSource *source)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (source_names); i++)
    if (g_str_equal (str, source_names[i]))
      {
        *source = (QsYearValueSource) i;
        return TRUE;
      }
  return FALSE;
}
