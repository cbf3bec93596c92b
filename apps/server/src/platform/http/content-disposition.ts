/** RFC 6266 / 5987: the Chinese file name travels percent-encoded in `filename*`. */
export const attachment = (filename: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** The xlsx media type; the docx one (`DOCX_MEDIA_TYPE`) is in the contracts, where stored documents record it. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
