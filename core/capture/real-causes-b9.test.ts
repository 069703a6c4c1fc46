import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes b9 showed at first sight (pages of Chile's Constitutional Convention participation platform), each fixed by
 * a rule meant for sites never seen: every test names the page that showed the cause and also runs a second markup
 * of the same idea, in other tags and words.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string) => `<html lang="es"><head>${head}</head><body>${body}</body></html>`;

// The platform's frame: the site's name as a heading, its menu, then everything else inside `#navigation`.
const frame = (main: string) => `
  <h1 id="header" role="heading"><a href="/"><span>Plataforma Digital de Participación Popular</span></a></h1>
  <h2 id="titulo">Plataforma Digital de Participación Popular</h2>
  <div id="menu"><ul><li><a href="/m/explorador/">Buscador de Norma</a></li><li><a href="/m/cabildos/">Cabildos y Encuentros</a></li>
    <li><a href="/m/iniciativa_popular/">Iniciativa Popular de Norma</a></li><li><a href="/m/login/">Entrar</a></li></ul></div>
  <div id="navigation">
    <h1 class="modulo"><a href="/m/iniciativa_popular/">Iniciativa Popular de Norma</a></h1>
    <ul id="navbar"><li><a href="/m/iniciativa_popular/">Iniciativa Popular de Norma</a></li><li>Libre derecho sobre la propiedad privada</li></ul>
    <p class="lead desc noprint">Queremos agradecer la gran participación de la ciudadanía.</p>
    <div id="body" role="main">${main}</div>
  </div>
  <div id="footer" role="contentinfo"><ul><li><a href="/m/paginas/terms">Términos y Condiciones</a></li></ul></div>`;

const INITIATIVE = `
  <div id="stats"><div class="stat"><h1>2.809.751</h1><h2>Apoyos</h2></div>
    <div class="stat"><a href="aprobadas"><h1>77</h1><h2>Aprobadas</h2></a></div></div>
  <div class="objeto detalle"><div class="pill">4 - Derechos Fundamentales</div>
    <h1>Libre derecho sobre la propiedad privada </h1><h2>Iniciativa Nº 5.502</h2>
    <p><strong>Tema:</strong> Derecho de propiedad</p></div>
  <div id="apoyo"><h2>Esta Propuesta Cuenta con:</h2><p><strong>47.892</strong> Apoyos de la Ciudadanía</p>
    <p>Ya no se aceptan más apoyos</p><p><em>Actualizado 23/07/2022 19:00</em></p></div>
  <div class="no-movil"><div id="autor"><h2>Esta es una Propuesta de:</h2>
    <div class="persona"><p><img src="/siglas/MC.svg" alt="Foto de persona" /></p><p>M. Soledad Chacón W. </p></div>
    <h2>Disponible Desde:</h2><p><span class="only-movil">9 Dic 2021</span><span class="no-movil">09/12/21</span></p></div></div>
  <div id="propuesta"><h2>Problema a Solucionar:</h2>
    <p>Derecho a la propiedad privada. A que cada persona pueda administrar de manera libre y autónoma sus propiedades.</p>
    <h2>Situación Ideal:</h2><p>Mantener las actuales condiciones respecto a la libertad sobre la propiedad privada.</p></div>`;

describe('real causes (b9): a wrapper named like chrome around the main landmark is the page', () => {
  it('`<div id="navigation">` holding `role="main"` (cl-chileconvencion-iniciativa-5502-propiedad-privada)', () => {
    const html = page(
      '<title>Iniciativa Popular de Norma</title><meta name="description" content="Mantener las actuales condiciones respecto a la libertad sobre la propiedad privada" />',
      frame(INITIATIVE),
    );
    const { issues } = extract(html, 'https://plataforma.chileconvencion.cl/m/iniciativa_popular/detalle?id=5502');
    expect(issues).toHaveLength(1);
    // Before: the whole main column was menu, and the meta description (the second section) stood for the text.
    expect(issues[0]!.description).toContain('A que cada persona pueda administrar de manera libre');
    expect(JSON.stringify(issues)).not.toContain('Buscador de Norma');
  });

  it('a second markup: `<div class="page-nav">` around a `<main>` holding a notice', () => {
    const html = page(
      '<title>Avisos</title>',
      `<div class="page-nav"><ul class="crumbs"><li><a href="/">Inicio</a></li><li>Avisos</li></ul>
        <main><article><h1>Corte de agua en la calle Mayor</h1>
          <p>El suministro de agua se interrumpirá el martes entre las 9 y las 14 horas por obras en la red.</p></article></main></div>`,
    );
    const { issues } = extract(html, 'https://ayuntamiento.example.es/avisos/corte-agua');
    expect(issues[0]!.title).toBe('Corte de agua en la calle Mayor');
    expect(issues[0]!.description).toContain('El suministro de agua se interrumpirá');
  });
});

describe('real causes (b9): the first <h1> of the main landmark is the title', () => {
  it('over an og:title in title case and a section <h1> outside main (cl-chileconvencion-iniciativa-5502-propiedad-privada)', () => {
    const html = page(
      '<title>Iniciativa Popular de Norma</title><meta property="og:title" content="Libre Derecho sobre la Propiedad Privada " />',
      frame(INITIATIVE),
    );
    const { issues } = extract(html, 'https://plataforma.chileconvencion.cl/m/iniciativa_popular/detalle?id=5502');
    // Not the statistics box's `<h1>2.809.751</h1>`, the first <h1> of main.
    expect(issues[0]!.title).toBe('Libre derecho sobre la propiedad privada');
  });

  it('over a <title> and an og:title that name the site (cl-chileconvencion-cabildo-806-monte-patria)', () => {
    const html = page(
      '<title>Cabildos y Encuentros</title><meta property="og:title" content="Plataforma Digital de Participación Popular" />',
      frame(`<div class="objeto detalle"><h1>Cabildo Monte Patria. Perspectivas de personas mayores.</h1>
        <h2>Cabildo comunal Nº 806 - Realizado el 12/01/2022</h2></div>
        <div class="participantes"><h2>Lugar de Realización</h2><p>Monte Patria</p><h2>Modalidad</h2><p>Presencial</p></div>
        <div id="encuentro"><h2>Conclusión 1</h2><p><strong>Tema:</strong> Derechos de las personas mayores</p>
        <p>Terminar con la larga lista de espera es una demanda sentida por toda la población chilena.</p></div>`),
    );
    const { issues } = extract(html, 'https://plataforma.chileconvencion.cl/m/cabildos/detalle?id=806');
    expect(issues[0]!.title).toBe('Cabildo Monte Patria. Perspectivas de personas mayores.');
    expect(issues[0]!.source.caseNumber).toBe('806');
    expect(issues[0]!.location.address).toBe('Monte Patria');
    expect(issues[0]!.reportedAt).toBe('2022-01-12T00:00:00-03:00');
  });

  it('a second markup: a <main> whose <h1> follows a tally of figures, under a site-wide <title>', () => {
    const html = page(
      '<title>Portal de Participación Ciudadana</title><meta property="og:title" content="Portal de Participación Ciudadana" />',
      `<header><a href="/">Portal de Participación Ciudadana</a></header>
        <main><section class="totals"><h1>1.204</h1><span>votos</span></section>
          <h1>Ampliar el carril bici de la avenida del Puerto</h1>
          <p>Proponemos prolongar el carril bici hasta la estación para unir los dos barrios.</p></main>`,
    );
    const { issues } = extract(html, 'https://participa.example.org/propuestas/88');
    expect(issues[0]!.title).toBe('Ampliar el carril bici de la avenida del Puerto');
  });
});

describe('real causes (b9): Spanish labels written as headings over their values', () => {
  it('the proposer, a group, not its representative; the date it was published (cl-chileconvencion-iniciativa-8590-con-mi-plata-no)', () => {
    const html = page(
      '<title>Iniciativa Popular de Norma</title>',
      frame(`<div class="objeto detalle"><h1>CON MI PLATA NO - DEFIENDE TUS AHORROS PREVISIONALES </h1><h2>Iniciativa Nº 8.590</h2></div>
        <div id="autor"><h2>Esta es una Propuesta de:</h2><div class="org"><p><img src="/g/1.jpg" alt="Imagen de grupo" /></p><p>Con Mi Plata NO</p></div>
          <h2>Representada por:</h2><div class="persona"><p>Constanza Burnier A. </p></div>
          <h2>Disponible Desde:</h2><p><span class="no-movil">15/12/21</span></p></div>
        <div id="propuesta"><h2>Problema a Solucionar:</h2><p>Una de las grandes demandas sociales fue las bajas pensiones.</p></div>`),
    );
    const { issues } = extract(html, 'https://plataforma.chileconvencion.cl/m/iniciativa_popular/detalle?id=8590');
    expect(issues[0]!.reporter.name).toBe('Con Mi Plata NO');
    expect(issues[0]!.source.caseNumber).toBe('8.590');
    // Chile in December keeps summer time: −03:00.
    expect(issues[0]!.reportedAt).toBe('2021-12-15T00:00:00-03:00');
  });

  it('a second markup: <h3> labels in a sidebar card of a proposal, a person and a date in winter', () => {
    const html = page(
      '<title>Propuesta 412 · Presupuestos participativos</title>',
      `<main><h1>Sombra en el patio del colegio Los Aromos</h1>
        <section class="ficha"><h3>Propuesta de</h3><div class="nombre">Carolina Pérez R.</div>
          <h3>Publicada el</h3><div>03/07/2023</div>
          <h3>Lugar de realización</h3><p>Escuela Los Aromos, Valparaíso</p></section>
        <p>Instalar toldos sobre el patio para que los niños puedan jugar en verano sin pasar calor.</p></main>`,
    );
    const { issues } = extract(html, 'https://presupuestos.example.cl/propuestas/412');
    expect(issues[0]!.reporter.name).toBe('Carolina Pérez R.');
    expect(issues[0]!.location.address).toContain('Escuela Los Aromos');
    // July in Chile is standard time: −04:00; the day comes first.
    expect(issues[0]!.reportedAt).toBe('2023-07-03T00:00:00-04:00');
  });
});

describe('real causes (b9): a heading with the record kind, a number sign and its number', () => {
  it('`Iniciativa Nº 56.914` under the title, thousands kept as shown (cl-chileconvencion-iniciativa-56914-datos-personales)', () => {
    const html = page(
      '<title>Iniciativa Popular de Norma</title>',
      frame(`<div class="objeto detalle"><h1>DERECHO FUNDAMENTAL SOBRE DATOS PERSONALES</h1><h2>Iniciativa Nº 56.914</h2>
        <p><strong>Tema:</strong> Comunicación y derechos digitales</p></div>
        <div id="propuesta"><h2>Problema a Solucionar:</h2><p>En chile actualmente se tranza la información personal.</p></div>`),
    );
    const { issues } = extract(html, 'https://plataforma.chileconvencion.cl/m/iniciativa_popular/detalle?id=56914');
    expect(issues[0]!.source.caseNumber).toBe('56.914');
  });

  it('a second markup: `Pétition n° 1207, déposée au conseil` in an <h3> above a French petition', () => {
    const html = page(
      '<title>Pétitions citoyennes</title>',
      `<div class="contenu"><h2>Rouvrir la piscine municipale le dimanche</h2><h3>Pétition n° 1207, déposée au conseil</h3>
        <p>Nous demandons la réouverture de la piscine municipale le dimanche matin pour les familles du quartier.</p></div>`,
    );
    const { issues } = extract(html, 'https://petitions.example.fr/p/1207');
    expect(issues[0]!.source.caseNumber).toBe('1207');
  });
});
