/** Pages shared by everyone: the layout, the home page of the portal, log-in and error pages. */
package vn.motcua.web;
