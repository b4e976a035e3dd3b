/* qs-table-column.c: one column of a table: header as written and its role. */
#define G_LOG_DOMAIN "qs-table-column"

#include "config.h"

#include "qs-table-column.h"

struct _QsTableColumn
{
  GObject       parent_instance;
  char         *header;
  char         *name;
  QsColumnRole  role;
};

G_DEFINE_FINAL_TYPE (QsTableColumn, qs_table_column, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEADER,
  PROP_NAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_table_column_finalize (GObject *object)
{
  QsTableColumn *self = QS_TABLE_COLUMN (object);

  g_clear_pointer (&self->header, g_free);
  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (qs_table_column_parent_class)->finalize (object);
}

static void
qs_table_column_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QsTableColumn *self = QS_TABLE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_HEADER:
      g_value_set_string (value, self->header);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_table_column_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QsTableColumn *self = QS_TABLE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_HEADER:
      qs_table_column_set_header (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      qs_table_column_set_role (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_table_column_class_init (QsTableColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_table_column_finalize;
  object_class->get_property = qs_table_column_get_property;
  object_class->set_property = qs_table_column_set_property;

  properties[PROP_HEADER] =
    g_param_spec_string ("header", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL, QS_COLUMN_OTHER, QS_COLUMN_REMARK, QS_COLUMN_OTHER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_table_column_init (QsTableColumn *self)
{
  self->header = g_strdup ("");
  self->name = g_strdup ("");
}

/**
 * qs_table_column_new:
 * @header: the header cell as written
 * @role: a #QsColumnRole, or -1 to guess it from @header
 *
 * Returns: (transfer full): a new column.
 */
QsTableColumn *
qs_table_column_new (const char *header,
                     int         role)
{
  QsTableColumn *self = g_object_new (QS_TYPE_TABLE_COLUMN, "header", header ? header : "", NULL);

  self->role = role < 0 ? qs_column_role_guess (self->header) : (QsColumnRole) role;
  return self;
}

const char *
qs_table_column_get_header (QsTableColumn *self)
{
  g_return_val_if_fail (QS_IS_TABLE_COLUMN (self), NULL);
  return self->header;
}

void
qs_table_column_set_header (QsTableColumn *self,
                            const char    *header)
{
  g_return_if_fail (QS_IS_TABLE_COLUMN (self));
  if (!qs_set_str (&self->header, header ? header : ""))
    return;
  g_free (self->name);
  self->name = qs_text_strip_spaces (self->header);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
qs_table_column_get_name (QsTableColumn *self)
{
  g_return_val_if_fail (QS_IS_TABLE_COLUMN (self), NULL);
  return self->name;
}

QsColumnRole
qs_table_column_get_role (QsTableColumn *self)
{
  g_return_val_if_fail (QS_IS_TABLE_COLUMN (self), QS_COLUMN_OTHER);
  return self->role;
}

void
qs_table_column_set_role (QsTableColumn *self,
                          QsColumnRole   role)
{
  g_return_if_fail (QS_IS_TABLE_COLUMN (self));
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

int
qs_table_column_get_year (QsTableColumn *self)
{
  g_return_val_if_fail (QS_IS_TABLE_COLUMN (self), 0);
  return qs_column_header_year (self->header);
}
