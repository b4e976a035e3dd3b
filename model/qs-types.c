/* qs-types.c: string forms of the shared enums and header helpers. */
#define G_LOG_DOMAIN "qs-types"

#include "config.h"

#include <string.h>

#include "qs-types.h"

typedef struct
{
  int         value;
  const char *nick;
} EnumNick;

static const EnumNick level_nicks[] = {
  { QS_PLAN_LEVEL_DISTRICT, "district" },
  { QS_PLAN_LEVEL_COUNTY, "county" },
  { QS_PLAN_LEVEL_MUNICIPAL, "municipal" },
};

static const EnumNick section_nicks[] = {
  { QS_SECTION_FRONT, "front" },
  { QS_SECTION_CHAPTER, "chapter" },
  { QS_SECTION_SECTION, "section" },
  { QS_SECTION_SUBSECTION, "subsection" },
  { QS_SECTION_BACK, "back" },
};

static const EnumNick role_nicks[] = {
  { QS_COLUMN_OTHER, "other" },
  { QS_COLUMN_CATEGORY, "category" },
  { QS_COLUMN_NUMBER, "number" },
  { QS_COLUMN_NAME, "name" },
  { QS_COLUMN_SUBNAME, "subname" },
  { QS_COLUMN_UNIT, "unit" },
  { QS_COLUMN_ATTRIBUTE, "attribute" },
  { QS_COLUMN_BASELINE, "baseline" },
  { QS_COLUMN_TARGET, "target" },
  { QS_COLUMN_ACTUAL, "actual" },
  { QS_COLUMN_CHANGE, "change" },
  { QS_COLUMN_STATUS, "status" },
  { QS_COLUMN_REMARK, "remark" },
};

static const char *
nick_of (const EnumNick *nicks,
         gsize           n,
         int             value)
{
  for (gsize i = 0; i < n; i++)
    if (nicks[i].value == value)
      return nicks[i].nick;
  return NULL;
}

static gboolean
value_of (const EnumNick *nicks,
          gsize           n,
          const char     *nick,
          int            *value)
{
  if (nick == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (strcmp (nicks[i].nick, nick) == 0)
      {
        *value = nicks[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
qs_plan_level_to_string (QsPlanLevel level)
{
  return nick_of (level_nicks, G_N_ELEMENTS (level_nicks), level);
}

gboolean
qs_plan_level_from_string (const char  *str,
                           QsPlanLevel *level)
{
  int v;

  if (!value_of (level_nicks, G_N_ELEMENTS (level_nicks), str, &v))
    return FALSE;
  *level = v;
  return TRUE;
}

const char *
qs_section_kind_to_string (QsSectionKind kind)
{
  return nick_of (section_nicks, G_N_ELEMENTS (section_nicks), kind);
}

gboolean
qs_section_kind_from_string (const char    *str,
                             QsSectionKind *kind)
{
  int v;

  if (!value_of (section_nicks, G_N_ELEMENTS (section_nicks), str, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
qs_column_role_to_string (QsColumnRole role)
{
  return nick_of (role_nicks, G_N_ELEMENTS (role_nicks), role);
}

gboolean
qs_column_role_from_string (const char   *str,
                            QsColumnRole *role)
{
  int v;

  if (!value_of (role_nicks, G_N_ELEMENTS (role_nicks), str, &v))
    return FALSE;
  *role = v;
  return TRUE;
}

gboolean
qs_column_role_is_structural (QsColumnRole role)
{
  return role == QS_COLUMN_CATEGORY || role == QS_COLUMN_NUMBER ||
         role == QS_COLUMN_NAME || role == QS_COLUMN_SUBNAME;
}

char *
qs_text_strip_spaces (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Keep stray bytes as they are: this helper never loses text. */
          g_string_append_c (out, *p);
          p++;
          continue;
        }
      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x3000 && c != 0xFEFF)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

int
qs_column_header_year (const char *header)
{
  const char *p;

  if (header == NULL)
    return 0;

  /* The first run of four ASCII digits followed by 年 (spaces allowed). */
  for (p = header; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
          g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
          (p == header || !g_ascii_isdigit (p[-1])))
        {
          const char *q = p + 4;

          while (*q == ' ')
            q++;
          if (g_str_has_prefix (q, "年"))
            return (int) g_ascii_strtoll (p, NULL, 10);
        }
    }
  return 0;
}

QsColumnRole
qs_column_role_guess (const char *header)
{
  g_autofree char *h = qs_text_strip_spaces (header);

  if (*h == '\0')
    return QS_COLUMN_SUBNAME;
  if (strstr (h, "序号") != NULL || g_str_equal (h, "编号"))
    return QS_COLUMN_NUMBER;
  if (strstr (h, "属性") != NULL || g_str_equal (h, "指标类别") || g_str_equal (h, "指标类型"))
    return QS_COLUMN_ATTRIBUTE;
  if (g_str_equal (h, "类别") || g_str_equal (h, "类型") || g_str_equal (h, "领域") ||
      g_str_equal (h, "指标类型类别") || g_str_has_suffix (h, "领域"))
    return QS_COLUMN_CATEGORY;
  if (strstr (h, "单位") != NULL && strstr (h, "牵头") == NULL && strstr (h, "责任") == NULL)
    return QS_COLUMN_UNIT;
  if (strstr (h, "完成情况") != NULL || strstr (h, "是否完成") != NULL ||
      strstr (h, "完成状态") != NULL)
    return QS_COLUMN_STATUS;
  if (strstr (h, "增减") != NULL || strstr (h, "变化") != NULL || strstr (h, "幅度") != NULL)
    return QS_COLUMN_CHANGE;
  if (strstr (h, "备注") != NULL || strstr (h, "说明") != NULL)
    return QS_COLUMN_REMARK;
  if (strstr (h, "目标") != NULL || strstr (h, "规划值") != NULL)
    return QS_COLUMN_TARGET;
  if (strstr (h, "实际") != NULL)
    return QS_COLUMN_ACTUAL;
  if (strstr (h, "现状") != NULL || strstr (h, "基准") != NULL || strstr (h, "基期") != NULL)
    return QS_COLUMN_BASELINE;
  if (strstr (h, "指标") != NULL || strstr (h, "名称") != NULL)
    return QS_COLUMN_NAME;
  return QS_COLUMN_OTHER;
}

gboolean
qs_set_str (char       **dest,
            const char  *src)
{
  char *copy;

  if (*dest == src || (*dest != NULL && src != NULL && strcmp (*dest, src) == 0))
    return FALSE;
  copy = g_strdup (src);
  g_free (*dest);
  *dest = copy;
  return TRUE;
}

void
qs_strv_append (GStrv      *strv,
                const char *text)
{
  guint n = *strv ? g_strv_length (*strv) : 0;

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (text ? text : "");
  (*strv)[n + 1] = NULL;
}
