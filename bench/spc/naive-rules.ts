// Baseline for the SPC bench: the textbook way, re-scanning each rule's window at every point.
export function naiveNelson(z: Float64Array): Uint16Array {
  const out = new Uint16Array(z.length);
  for (let i = 0; i < z.length; i++) {
    let m = 0;
    if (Math.abs(z[i]) > 3) m |= 1;
    if (i >= 8) {
      let up = true;
      let dn = true;
      for (let j = i - 8; j <= i; j++) {
        up &&= z[j] > 0;
        dn &&= z[j] < 0;
      }
      if (up || dn) m |= 2;
    }
    if (i >= 5) {
      let inc = true;
      let dec = true;
      for (let j = i - 4; j <= i; j++) {
        inc &&= z[j] > z[j - 1];
        dec &&= z[j] < z[j - 1];
      }
      if (inc || dec) m |= 4;
    }
    if (i >= 13) {
      let alt = true;
      for (let j = i - 11; j <= i; j++) alt &&= (z[j] - z[j - 1]) * (z[j - 1] - z[j - 2]) < 0;
      if (alt) m |= 8;
    }
    if (i >= 2) {
      let u = 0;
      let d = 0;
      for (let j = i - 2; j <= i; j++) {
        if (z[j] > 2) u++;
        if (z[j] < -2) d++;
      }
      if ((z[i] > 2 && u >= 2) || (z[i] < -2 && d >= 2)) m |= 16;
    }
    if (i >= 4) {
      let u = 0;
      let d = 0;
      for (let j = i - 4; j <= i; j++) {
        if (z[j] > 1) u++;
        if (z[j] < -1) d++;
      }
      if ((z[i] > 1 && u >= 4) || (z[i] < -1 && d >= 4)) m |= 32;
    }
    if (i >= 14) {
      let w = true;
      for (let j = i - 14; j <= i; j++) w &&= Math.abs(z[j]) < 1;
      if (w) m |= 64;
    }
    if (i >= 7) {
      let b = true;
      for (let j = i - 7; j <= i; j++) b &&= Math.abs(z[j]) >= 1;
      if (b) m |= 128;
    }
    out[i] = m;
  }
  return out;
}
