/* qs-paragraph.c: a paragraph of prose. */
#define G_LOG_DOMAIN "qs-paragraph"

#include "config.h"

#include "qs-paragraph.h"

struct _QsParagraph
{
  GObject          parent_instance;
  QsParagraphKind  kind;
  char            *text;
};

G_DEFINE_FINAL_TYPE (QsParagraph, qs_paragraph, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_paragraph_finalize (GObject *object)
{
  QsParagraph *self = QS_PARAGRAPH (object);

  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (qs_paragraph_parent_class)->finalize (object);
}

static void
qs_paragraph_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QsParagraph *self = QS_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_paragraph_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QsParagraph *self = QS_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_KIND:
      qs_paragraph_set_kind (self, g_value_get_int (value));
      break;
    case PROP_TEXT:
      qs_paragraph_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_paragraph_class_init (QsParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_paragraph_finalize;
  object_class->get_property = qs_paragraph_get_property;
  object_class->set_property = qs_paragraph_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, QS_PARAGRAPH_BODY, QS_PARAGRAPH_NOTE, QS_PARAGRAPH_BODY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_paragraph_init (QsParagraph *self)
{
  self->text = g_strdup ("");
}

/**
 * qs_paragraph_new:
 *
 * Returns: (transfer full): a new paragraph holding @text.
 */
QsParagraph *
qs_paragraph_new (QsParagraphKind  kind,
                  const char      *text)
{
  return g_object_new (QS_TYPE_PARAGRAPH, "kind", kind, "text", text ? text : "", NULL);
}

QsParagraphKind
qs_paragraph_get_kind (QsParagraph *self)
{
  g_return_val_if_fail (QS_IS_PARAGRAPH (self), QS_PARAGRAPH_BODY);
  return self->kind;
}

void
qs_paragraph_set_kind (QsParagraph     *self,
                       QsParagraphKind  kind)
{
  g_return_if_fail (QS_IS_PARAGRAPH (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
qs_paragraph_get_text (QsParagraph *self)
{
  g_return_val_if_fail (QS_IS_PARAGRAPH (self), NULL);
  return self->text;
}

void
qs_paragraph_set_text (QsParagraph *self,
                       const char  *text)
{
  g_return_if_fail (QS_IS_PARAGRAPH (self));
  if (qs_set_str (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
