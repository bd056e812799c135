/** Adaptive Card host configs shaped like Teams' light and dark themes, for the screenshots. */
const fore = (normal: string, subtle: string) => ({ default: normal, subtle });

function hostConfig(dark: boolean) {
  const text = dark ? '#FFFFFF' : '#242424';
  const subtle = dark ? '#ADADAD' : '#616161';
  const colour = (light: string, darkValue: string) => {
    const c = dark ? darkValue : light;
    return fore(c, c);
  };
  const foregroundColors = {
    default: fore(text, subtle),
    dark: fore('#242424', '#616161'),
    light: fore('#FFFFFF', '#ADADAD'),
    accent: colour('#5B5FC7', '#7F85F5'),
    good: colour('#237B4B', '#92C353'),
    warning: colour('#835C00', '#F8D22A'),
    attention: colour('#C4314B', '#F9526B'),
  };
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors });
  return {
    fontFamily: "'Segoe UI', 'DejaVu Sans', system-ui, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: style(dark ? '#292929' : '#FFFFFF'),
      emphasis: style(dark ? '#1F1F1F' : '#F5F5F5'),
      accent: style(dark ? '#2F2F4A' : '#E8EBFA'),
      good: style(dark ? '#0D2E0D' : '#E7F2DA'),
      attention: style(dark ? '#3E1F25' : '#FCF4F6'),
      warning: style(dark ? '#463100' : '#FBF6D9'),
    },
    actions: {
      maxActions: 6,
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 12 },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
    inputs: {
      label: { requiredInputs: { suffix: ' *' }, optionalInputs: {} },
      errorMessage: { size: 'small', spacing: 'small' },
    },
    factSet: { title: { weight: 'bolder', wrap: true, maxWidth: 150 }, value: { wrap: true }, spacing: 8 },
  };
}

export const HOST_CONFIGS = { light: hostConfig(false), dark: hostConfig(true) } as const;

/** Page CSS for the theme (the renderer styles elements; the page gives buttons and inputs their look). */
export function themeCss(theme: 'light' | 'dark'): string {
  const dark = theme === 'dark';
  return `
    body { margin: 0; padding: 16px; background: ${dark ? '#1F1F1F' : '#F5F5F5'}; font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; }
    #card { width: 520px; border-radius: 6px; overflow: hidden; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
    .ac-pushButton { border: 1px solid ${dark ? '#666' : '#D1D1D1'}; background: ${dark ? '#292929' : '#FFF'}; color: ${dark ? '#FFF' : '#242424'};
      border-radius: 4px; padding: 6px 12px; font-weight: 600; font-family: inherit; }
    .ac-pushButton.style-positive { background: #5B5FC7; color: #FFF; border-color: #5B5FC7; }
    .ac-pushButton.style-destructive { color: #C4314B; }
    .ac-input, .ac-input select, .ac-textInput, .ac-multichoiceInput { font-family: inherit; background: ${dark ? '#1F1F1F' : '#FFF'}; color: ${dark ? '#FFF' : '#242424'}; border: 1px solid ${dark ? '#666' : '#D1D1D1'}; border-radius: 4px; }
    .ac-textInput { padding: 6px; }
  `;
}
