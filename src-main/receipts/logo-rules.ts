/** What a receipt logo may be: a PNG data URL, small enough to print quickly. Shared by the API door and the settings screen. */
export const MAX_LOGO_BYTES = 200_000;
export const LOGO_PATTERN = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;
